package org.conflictledger.events.api.formats;

import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes UCDP GED's columns use, from the ledger's precisions and coordinates. */
class UcdpGedCsvTest {
    private static final LocalDate DAY = LocalDate.parse("2020-11-08");

    @Test
    void datePrecisionIsTheCoarserOfThePrecisionAndTheRangeTheDatesSpan() {
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.DAY, DAY, DAY)).isEqualTo(1);
        assertThat(UcdpGedCsv.datePrecision(null, DAY, DAY)).isEqualTo(1);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.DAY, DAY, DAY.plusDays(1))).isEqualTo(2);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.DAY, DAY, DAY.plusDays(5))).isEqualTo(2);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.DAY, DAY, DAY.plusDays(6))).isEqualTo(3);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.WEEK, DAY, DAY)).isEqualTo(3);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.DAY, DAY, DAY.plusDays(7))).isEqualTo(4);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.MONTH, DAY, DAY.plusDays(2))).isEqualTo(4);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.DAY, DAY, DAY.plusDays(30))).isEqualTo(5);
        assertThat(UcdpGedCsv.datePrecision(DatePrecision.YEAR, DAY, DAY)).isEqualTo(5);
    }

    @Test
    void wherePrecisionFollowsUcdpsScaleFromExactPlaceToInternationalWaters() {
        assertThat(UcdpGedCsv.wherePrecision(GeoPrecision.EXACT)).isEqualTo(1);
        assertThat(UcdpGedCsv.wherePrecision(GeoPrecision.NEAR)).isEqualTo(2);
        assertThat(UcdpGedCsv.wherePrecision(GeoPrecision.ADMIN2)).isEqualTo(3);
        assertThat(UcdpGedCsv.wherePrecision(GeoPrecision.ADMIN1)).isEqualTo(4);
        assertThat(UcdpGedCsv.wherePrecision(GeoPrecision.COUNTRY)).isEqualTo(6);
        assertThat(UcdpGedCsv.wherePrecision(GeoPrecision.WATERS)).isEqualTo(7);
        assertThat(UcdpGedCsv.wherePrecision(null)).isNull();
    }

    @Test
    void prioGridCellsAreHalfDegreesNumberedFromTheSouthWestCornerRowByRow() {
        assertThat(UcdpGedCsv.prioGridCell(-90, -180)).isEqualTo(1);
        assertThat(UcdpGedCsv.prioGridCell(-89.9, -179.4)).isEqualTo(2);
        assertThat(UcdpGedCsv.prioGridCell(-89.4, -180)).isEqualTo(721);
        assertThat(UcdpGedCsv.prioGridCell(90, 180)).isEqualTo(259_200);
        // Stepanakert, 39.82°N 46.75°E: row 260 from the south, column 454 from the west.
        assertThat(UcdpGedCsv.prioGridCell(39.82, 46.75)).isEqualTo(259 * 720 + 454);
    }
}
