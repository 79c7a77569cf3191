package org.conflictledger.agreements.api;

import org.conflictledger.agreements.domain.AgreementRules;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Problem.FieldError;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Days, instants and periods a client sends are checked here to answer a 400 naming the field
 * (the aggregate refuses them too, with a 409): days within the record's range, periods positive
 * and at most {@link AgreementRules#LONGEST_PERIOD}.
 */
final class TimeBounds {
    private static final String RANGE = "must lie between " + AgreementRules.EARLIEST_DAY + " and " + AgreementRules.LATEST_DAY;

    private TimeBounds() {
    }

    static void day(String field, LocalDate day, List<FieldError> errors) {
        if (day != null && (day.isBefore(AgreementRules.EARLIEST_DAY) || day.isAfter(AgreementRules.LATEST_DAY))) {
            errors.add(new FieldError(field, RANGE));
        }
    }

    static void instant(String field, Instant instant, List<FieldError> errors) {
        if (instant != null && (instant.isBefore(AgreementRules.EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(AgreementRules.LATEST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            errors.add(new FieldError(field, RANGE));
        }
    }

    /** 400 naming the field unless the instant is within range. */
    static Instant instant(String field, Instant instant) {
        List<FieldError> errors = new java.util.ArrayList<>();
        instant(field, instant, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return instant;
    }

    static void period(String field, Period period, List<FieldError> errors) {
        if (period == null) {
            return;
        }
        LocalDate base = LocalDate.of(2000, 1, 1);
        boolean valid;
        try {
            valid = !period.isZero() && !period.isNegative() && base.plus(period).isAfter(base)
                    && !base.plus(period).isAfter(base.plus(AgreementRules.LONGEST_PERIOD));
        } catch (DateTimeException | ArithmeticException e) {
            valid = false;
        }
        if (!valid) {
            errors.add(new FieldError(field, "must be a positive period of at most " + AgreementRules.LONGEST_PERIOD));
        }
    }
}
