package org.conflictledger.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The days the ledger's dates and instants lie within (UTC); anything else is a typing error. One rule for every
 * service: a conflict event events-service accepts must be one agreements-service can record as a violation.
 */
public final class RecordDates {
    public static final LocalDate EARLIEST_DAY = LocalDate.of(1800, 1, 1);
    public static final LocalDate LATEST_DAY = LocalDate.of(2500, 12, 31);
    /** What a 400 says of a field outside the range. */
    public static final String RANGE = "must lie between " + EARLIEST_DAY + " and " + LATEST_DAY;

    private RecordDates() {
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(EARLIEST_DAY) && !day.isAfter(LATEST_DAY);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                && instant.isBefore(LATEST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
