package org.conflictledger.agreements.api;

import org.conflictledger.agreements.domain.AgreementRules;
import org.conflictledger.contracts.RecordDates;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Problem.FieldError;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Days, instants and periods a client sends are checked here to answer a 400 naming the field
 * (the aggregate refuses them too, with a 409): days within the record's range ({@link RecordDates}), periods positive
 * and at most {@link AgreementRules#LONGEST_PERIOD}.
 */
final class TimeBounds {

    private TimeBounds() {
    }

    static void day(String field, LocalDate day, List<FieldError> errors) {
        if (day != null && !RecordDates.contains(day)) {
            errors.add(new FieldError(field, RecordDates.RANGE));
        }
    }

    static void instant(String field, Instant instant, List<FieldError> errors) {
        if (instant != null && !RecordDates.contains(instant)) {
            errors.add(new FieldError(field, RecordDates.RANGE));
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
