package org.conflictledger.agreements.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The years an agreement is scored in: calendar years in its time zone, from signing up to the instant looked from. */
class ImplementationYearTest {
    private static final LocalDate SIGNED = LocalDate.of(2020, 11, 9);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void endedYearsAreScoredAtTheirLastInstantInTheAgreementsZoneAndTheRunningOneAtTheInstant() {
        Instant at = Instant.parse("2022-03-01T12:00:00Z");

        assertThat(ImplementationYear.since(SIGNED, MOSCOW, at)).containsExactly(
                new ImplementationYear(2020, 1, true, Instant.parse("2020-12-31T20:59:59.999999999Z")),
                new ImplementationYear(2021, 2, true, Instant.parse("2021-12-31T20:59:59.999999999Z")),
                new ImplementationYear(2022, 3, false, at));
    }

    @Test
    void theYearTheInstantFallsInIsTheAgreementsYear() {
        Instant newYearInMoscowNotInUtc = Instant.parse("2021-12-31T22:00:00Z");

        assertThat(ImplementationYear.since(SIGNED, MOSCOW, newYearInMoscowNotInUtc)).extracting(ImplementationYear::year)
                .containsExactly(2020, 2021, 2022);
        assertThat(ImplementationYear.since(SIGNED, ZoneOffset.UTC, newYearInMoscowNotInUtc))
                .extracting(ImplementationYear::year).containsExactly(2020, 2021);
    }

    @Test
    void aYearEndingExactlyAtTheInstantIsComplete() {
        Instant newYear = Instant.parse("2021-01-01T00:00:00Z");

        assertThat(ImplementationYear.since(SIGNED, ZoneOffset.UTC, newYear)).containsExactly(
                new ImplementationYear(2020, 1, true, newYear.minusNanos(1)),
                new ImplementationYear(2021, 2, false, newYear));
    }

    @Test
    void anAgreementSignedLaterInTheYearOfTheInstantHasNoYearYet() {
        assertThat(ImplementationYear.since(LocalDate.of(2020, 11, 9), MOSCOW, Instant.parse("2020-06-01T00:00:00Z")))
                .isEmpty();
        assertThat(ImplementationYear.since(LocalDate.of(2020, 11, 9), MOSCOW, Instant.parse("2020-11-08T21:00:00Z")))
                .extracting(ImplementationYear::year).containsExactly(2020);
    }

    @Test
    void anAgreementSignedAfterTheInstantHasNoYears() {
        assertThat(ImplementationYear.since(LocalDate.of(2030, 1, 1), MOSCOW, Instant.parse("2029-06-01T00:00:00Z")))
                .isEmpty();
    }
}
