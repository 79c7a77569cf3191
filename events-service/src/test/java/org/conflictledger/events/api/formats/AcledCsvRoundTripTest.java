package org.conflictledger.events.api.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import org.conflictledger.events.api.ConflictEventRepresentation;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.junit.jupiter.api.Test;

class AcledCsvRoundTripTest {

    private final Fixtures fixtures = new Fixtures();

    @Test
    void exportedEventsReadBackAsTheirDetails() {
        List<ConflictEventDetails> originals = List.of(
                fixtures.battle(),
                fixtures.violation(UUID.randomUUID(), UUID.randomUUID()),
                fixtures.agreement());
        List<ConflictEventRepresentation> events = originals.stream()
                .map(details -> fixtures.representation(UUID.randomUUID(), details)).toList();

        String csv = AcledCsvWriter.toCsv(events);
        List<ParsedRow> rows = AcledCsvReader.read(new StringReader(csv), fixtures.directory, null);

        assertThat(rows).extracting(ParsedRow::errors).containsOnly(List.of());
        assertThat(rows).extracting(ParsedRow::details).containsExactlyElementsOf(originals);
        // the battle's notes span two lines, so the second row starts on line 4
        assertThat(rows).extracting(ParsedRow::line).containsExactly(2, 4, 5);
    }

    @Test
    void idsInOtherDatasetsReadBackBesideTheAcledAndGedIds() {
        ConflictEventDetails battle = fixtures.battle();
        ConflictEventDetails original = new ConflictEventDetails(battle.theater(), battle.type(), battle.subType(),
                battle.date(), battle.datePrecision(), battle.endDate(), battle.location(), battle.actors(),
                battle.fatalities(), battle.notes(), battle.confidence(), battle.agreementId(), battle.term(),
                battle.respondsTo(), battle.sources(), "AZE1234", "301234",
                List.of(new ExternalId("field-notes", "=1+2; \"quoted\""), new ExternalId("wikidata", "Q42")));
        String csv = AcledCsvWriter.toCsv(List.of(fixtures.representation(UUID.randomUUID(), original)));

        ParsedRow read = AcledCsvReader.read(new StringReader(csv), fixtures.directory, null).get(0);

        assertThat(read.errors()).isEmpty();
        assertThat(read.details()).isEqualTo(original);
        assertThat(csv).contains("AZE1234").contains("301234");
    }

    @Test
    void cellsNeutralisedAgainstFormulasReadBackAsStored() {
        // no tab or CR at the start here: the import trims every value, as it always has
        ConflictEventDetails formulas = Fixtures.formulas(fixtures.battle());
        ConflictEventDetails original = new ConflictEventDetails(formulas.theater(), formulas.type(), formulas.subType(),
                formulas.date(), formulas.datePrecision(), formulas.endDate(),
                new org.conflictledger.events.domain.Location("@SUM(1+1)", "+1", "-2+3", "'@x", "Azerbaijan", -12.5,
                        -0.75, formulas.location().geoPrecision()),
                formulas.actors(), formulas.fatalities(), formulas.notes(), formulas.confidence(),
                formulas.agreementId(), formulas.term(), formulas.respondsTo(), formulas.sources(),
                formulas.acledEventId(), formulas.ucdpGedId(), null);
        String csv = AcledCsvWriter.toCsv(List.of(fixtures.representation(UUID.randomUUID(), original)));

        ParsedRow read = AcledCsvReader.read(new StringReader(csv), fixtures.directory, null).get(0);

        assertThat(read.errors()).isEmpty();
        assertThat(read.details()).isEqualTo(original);
    }

    @Test
    void ledgerColumnsWinOverTheCoarserAcledColumns() {
        ConflictEventDetails agreement = fixtures.agreement();
        String csv = AcledCsvWriter.toCsv(List.of(fixtures.representation(UUID.randomUUID(), agreement)));

        ConflictEventDetails read = AcledCsvReader.read(new StringReader(csv), fixtures.directory, null).get(0).details();

        // time_precision 3 alone would read as MONTH, actor1/actor2 as PERPETRATOR/TARGET
        assertThat(read.datePrecision()).isEqualTo(agreement.datePrecision());
        assertThat(read.actors()).isEqualTo(agreement.actors());
        assertThat(read.theater()).isEqualTo(agreement.theater());
    }
}
