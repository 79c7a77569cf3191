package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.IN_FORCE_AT;
import static org.conflictledger.agreements.domain.AgreementTestData.PEACEKEEPING_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.peacekeepingAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.stateOf;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.peacekeeping;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.conflictledger.contracts.AgreementStatus;
import org.junit.jupiter.api.Test;

/**
 * Where a term with a duration stands: the seed's peacekeeping term, in force from 00:00 Moscow time
 * on 10 November 2020 for five years, renewed for five unless a party objects six months before.
 */
class TermScheduleTest {

    private static final Instant JAN_1_2021 = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant DEC_1_2026 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JAN_1_2031 = Instant.parse("2031-01-01T00:00:00Z");
    /** 00:00 Moscow time on 10 November 2025. */
    private static final Instant FIRST_EXPIRY = Instant.parse("2025-11-09T21:00:00Z");
    /** Six months before: 00:00 Moscow time on 10 May 2025. */
    private static final Instant FIRST_NOTICE_DEADLINE = Instant.parse("2025-05-09T21:00:00Z");
    private static final Instant SECOND_EXPIRY = Instant.parse("2030-11-09T21:00:00Z");
    private static final Instant SECOND_NOTICE_DEADLINE = Instant.parse("2030-05-09T21:00:00Z");

    private static TermSchedule schedule(Instant at, Object... laterEvents) {
        List<Object> events = new ArrayList<>(List.of(recorded(), peacekeepingAdded()));
        events.addAll(List.of(laterEvents));
        AgreementState state = stateOf(events.toArray());
        return TermSchedule.of(state, state.term(PEACEKEEPING_TERM).orElseThrow(), at);
    }

    private static TermRenewalObjected objection(String at) {
        return new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, Instant.parse(at));
    }

    private static AgreementStatusChanged terminated(String at) {
        return new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED,
                Instant.parse(at));
    }

    @Test
    void theFirstPeriodRunsFiveYearsFromEntryIntoForceInMoscowTime() {
        TermSchedule schedule = schedule(JAN_1_2021);

        assertThat(schedule).isEqualTo(new TermSchedule(PEACEKEEPING_TERM, 4, TermSchedule.RUNNING, IN_FORCE_AT,
                Period.ofYears(5), true, Period.ofYears(5), Period.ofMonths(6), 1, IN_FORCE_AT, FIRST_EXPIRY,
                FIRST_NOTICE_DEADLINE, 0, false, true, null));
    }

    @Test
    void withoutObjectionTheTermRenewsForFiveMoreYears() {
        TermSchedule schedule = schedule(DEC_1_2026);

        assertThat(schedule.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(schedule.periodNumber()).isEqualTo(2);
        assertThat(schedule.renewals()).isEqualTo(1);
        assertThat(schedule.renewed()).isTrue();
        assertThat(schedule.periodStartsAt()).isEqualTo(FIRST_EXPIRY);
        assertThat(schedule.expiresAt()).isEqualTo(SECOND_EXPIRY);
        assertThat(schedule.noticeDeadline()).isEqualTo(SECOND_NOTICE_DEADLINE);
        assertThat(schedule.willRenew()).isTrue();
        assertThat(schedule.startsAt()).isEqualTo(IN_FORCE_AT);
    }

    @Test
    void theRenewalBeginsAtTheInstantThePeriodExpires() {
        assertThat(schedule(FIRST_EXPIRY.minusMillis(1)).periodNumber()).isEqualTo(1);
        assertThat(schedule(FIRST_EXPIRY).periodNumber()).isEqualTo(2);
    }

    @Test
    void anObjectionInTimeStopsTheRenewal() {
        Object objected = objection("2025-04-01T00:00:00Z");

        TermSchedule running = schedule(Instant.parse("2025-06-01T00:00:00Z"), objected);
        assertThat(running.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(running.willRenew()).isFalse();

        TermSchedule expired = schedule(DEC_1_2026, objected);
        assertThat(expired.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(expired.periodNumber()).isEqualTo(1);
        assertThat(expired.expiresAt()).isEqualTo(FIRST_EXPIRY);
        assertThat(expired.renewed()).isFalse();
        assertThat(expired.renewals()).isZero();
        assertThat(expired.willRenew()).isFalse();
    }

    @Test
    void anObjectionOnTheNoticeDeadlineItselfIsInTime() {
        TermSchedule schedule = schedule(DEC_1_2026, objection("2025-05-09T21:00:00Z"));

        assertThat(schedule.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(schedule.expiresAt()).isEqualTo(FIRST_EXPIRY);
    }

    @Test
    void anObjectionAfterTheNoticeDeadlineCountsAgainstTheNextRenewal() {
        Object late = objection("2025-06-01T00:00:00Z");

        TermSchedule first = schedule(Instant.parse("2025-07-01T00:00:00Z"), late);
        assertThat(first.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(first.willRenew()).isTrue();

        TermSchedule second = schedule(DEC_1_2026, late);
        assertThat(second.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(second.periodNumber()).isEqualTo(2);
        assertThat(second.renewals()).isEqualTo(1);
        assertThat(second.renewed()).isTrue();
        assertThat(second.willRenew()).isFalse();

        TermSchedule expired = schedule(JAN_1_2031, late);
        assertThat(expired.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(expired.periodNumber()).isEqualTo(2);
        assertThat(expired.expiresAt()).isEqualTo(SECOND_EXPIRY);
        assertThat(expired.renewed()).isTrue();
        assertThat(expired.willRenew()).isFalse();
    }

    @Test
    void anObjectionCountsAgainstOneRenewalOnly() {
        TermSchedule schedule = schedule(DEC_1_2026, objection("2021-01-01T00:00:00Z"));
        assertThat(schedule.state()).isEqualTo(TermSchedule.EXPIRED);

        Object early = objection("2025-06-01T00:00:00Z");
        TermSchedule third = schedule(Instant.parse("2032-01-01T00:00:00Z"), early,
                objection("2031-01-01T00:00:00Z"));
        assertThat(third.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(third.periodNumber()).isEqualTo(2);
    }

    @Test
    void beforeEntryIntoForceTheTermHasNotStarted() {
        TermSchedule schedule = schedule(Instant.parse("2020-11-01T00:00:00Z"));

        assertThat(schedule.state()).isEqualTo(TermSchedule.NOT_STARTED);
        assertThat(schedule.periodNumber()).isEqualTo(1);
        assertThat(schedule.expiresAt()).isEqualTo(FIRST_EXPIRY);
        assertThat(schedule(IN_FORCE_AT).state()).isEqualTo(TermSchedule.RUNNING);
    }

    @Test
    void anAgreementWithoutAnInForceInstantHasNoSchedule() {
        AgreementState state = stateOf(new AgreementRecorded(AGREEMENT, trilateralStatement().inForceAt(null).build(),
                AgreementStatus.SIGNED), peacekeepingAdded());

        TermSchedule schedule = TermSchedule.of(state, state.term(PEACEKEEPING_TERM).orElseThrow(), DEC_1_2026);

        assertThat(schedule).isEqualTo(new TermSchedule(PEACEKEEPING_TERM, 4, TermSchedule.NOT_IN_FORCE, null,
                Period.ofYears(5), true, Period.ofYears(5), Period.ofMonths(6), 0, null, null, null, 0, false, false,
                null));
    }

    @Test
    void aTermEndsWithItsAgreement() {
        Object terminated = terminated("2023-01-01T00:00:00Z");

        TermSchedule before = schedule(Instant.parse("2022-12-31T00:00:00Z"), terminated);
        assertThat(before.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(before.endedAt()).isNull();
        assertThat(before.willRenew()).isTrue();

        TermSchedule ended = schedule(DEC_1_2026, terminated);
        assertThat(ended.state()).isEqualTo(TermSchedule.ENDED);
        assertThat(ended.endedAt()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(ended.periodNumber()).isEqualTo(1);
        assertThat(ended.renewed()).isFalse();
        assertThat(ended.willRenew()).isFalse();
    }

    @Test
    void aTermEndsInTheRenewalItsAgreementEndedIn() {
        TermSchedule schedule = schedule(Instant.parse("2028-01-01T00:00:00Z"), terminated("2027-01-01T00:00:00Z"));

        assertThat(schedule.state()).isEqualTo(TermSchedule.ENDED);
        assertThat(schedule.periodNumber()).isEqualTo(2);
        assertThat(schedule.renewed()).isTrue();
        assertThat(schedule.expiresAt()).isEqualTo(SECOND_EXPIRY);
    }

    @Test
    void aTermWhoseAgreementEndsTheInstantItExpiresEndsWithoutRenewing() {
        TermSchedule schedule = schedule(DEC_1_2026, terminated(FIRST_EXPIRY.toString()));

        assertThat(schedule.state()).isEqualTo(TermSchedule.ENDED);
        assertThat(schedule.periodNumber()).isEqualTo(1);
        assertThat(schedule.renewed()).isFalse();
        assertThat(schedule.expiresAt()).isEqualTo(FIRST_EXPIRY);
    }

    @Test
    void aTermThatExpiredBeforeItsAgreementEndedExpired() {
        TermSchedule schedule = schedule(Instant.parse("2027-01-01T00:00:00Z"), objection("2025-01-01T00:00:00Z"),
                terminated("2026-01-01T00:00:00Z"));

        assertThat(schedule.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(schedule.expiresAt()).isEqualTo(FIRST_EXPIRY);
    }

    @Test
    void aSuspensionDoesNotEndATerm() {
        TermSchedule schedule = schedule(DEC_1_2026, new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE,
                AgreementStatus.SUSPENDED, Instant.parse("2023-01-01T00:00:00Z")));

        assertThat(schedule.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(schedule.periodNumber()).isEqualTo(2);
    }

    @Test
    void aTermThatDoesNotRenewExpiresAndHasNoNoticeDeadline() {
        AgreementState state = stateOf(recorded(), new TermAdded(AGREEMENT, PEACEKEEPING_TERM,
                peacekeeping().duration("P5Y", false, null, "P6M").build()));
        TermState term = state.term(PEACEKEEPING_TERM).orElseThrow();

        TermSchedule running = TermSchedule.of(state, term, JAN_1_2021);
        assertThat(running.state()).isEqualTo(TermSchedule.RUNNING);
        assertThat(running.noticeDeadline()).isNull();
        assertThat(running.willRenew()).isFalse();

        TermSchedule expired = TermSchedule.of(state, term, DEC_1_2026);
        assertThat(expired.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(expired.expiresAt()).isEqualTo(FIRST_EXPIRY);
        assertThat(expired.periodNumber()).isEqualTo(1);
    }

    @Test
    void renewalsLastTheRenewalPeriod() {
        AgreementState state = stateOf(recorded(), new TermAdded(AGREEMENT, PEACEKEEPING_TERM,
                peacekeeping().duration("P5Y", true, "P1Y", "P1M").build()));

        TermSchedule schedule = TermSchedule.of(state, state.term(PEACEKEEPING_TERM).orElseThrow(), DEC_1_2026);

        assertThat(schedule.periodNumber()).isEqualTo(3);
        assertThat(schedule.renewals()).isEqualTo(2);
        assertThat(schedule.periodStartsAt()).isEqualTo(Instant.parse("2026-11-09T21:00:00Z"));
        assertThat(schedule.expiresAt()).isEqualTo(Instant.parse("2027-11-09T21:00:00Z"));
        assertThat(schedule.noticeDeadline()).isEqualTo(Instant.parse("2027-10-09T21:00:00Z"));
    }

    @Test
    void withoutANoticePeriodAnObjectionMayComeUntilTheExpiry() {
        AgreementState state = stateOf(recorded(), new TermAdded(AGREEMENT, PEACEKEEPING_TERM,
                peacekeeping().duration("P5Y", true, null, null).build()),
                objection("2025-11-09T21:00:00Z"));

        TermSchedule schedule = TermSchedule.of(state, state.term(PEACEKEEPING_TERM).orElseThrow(), DEC_1_2026);

        assertThat(schedule.state()).isEqualTo(TermSchedule.EXPIRED);
        assertThat(schedule.noticeDeadline()).isEqualTo(FIRST_EXPIRY);
    }

    @Test
    void periodsAreCountedInTheAgreementsZoneAcrossSummerTime() {
        // 00:00 Berlin time on 1 March 2021 (UTC+1); a month later is 00:00 on 1 April (UTC+2).
        AgreementState state = stateOf(new AgreementRecorded(AGREEMENT, trilateralStatement()
                        .inForceAt(Instant.parse("2021-02-28T23:00:00Z")).inForceZone("Europe/Berlin").build(),
                        AgreementStatus.IN_FORCE),
                new TermAdded(AGREEMENT, PEACEKEEPING_TERM, peacekeeping().duration("P1M", false, null, null).build()));

        TermSchedule schedule = TermSchedule.of(state, state.term(PEACEKEEPING_TERM).orElseThrow(),
                Instant.parse("2021-03-15T00:00:00Z"));

        assertThat(schedule.expiresAt()).isEqualTo(Instant.parse("2021-03-31T22:00:00Z"));
    }
}
