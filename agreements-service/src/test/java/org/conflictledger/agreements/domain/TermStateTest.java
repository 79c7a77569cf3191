package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.CEASEFIRE_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.assessed;
import static org.conflictledger.agreements.domain.AgreementTestData.ceasefireAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.stateOf;
import static org.conflictledger.agreements.domain.AgreementTestData.violated;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.conflictledger.contracts.ComplianceStatus;
import org.junit.jupiter.api.Test;

/** A term's compliance in valid time, and when a term with a deadline is overdue. */
class TermStateTest {

    private static final ZoneId MOSCOW = ZoneId.of(AgreementTestData.MOSCOW);
    /** The first instant after 20 November 2020 in Moscow. */
    private static final Instant AGDAM_DEADLINE_PASSES = Instant.parse("2020-11-20T21:00:00Z");
    private static final Instant DEC_2_2020 = Instant.parse("2020-12-02T00:00:00Z");

    private static TermState agdam(Object... laterEvents) {
        List<Object> events = new ArrayList<>(List.of(recorded(), agdamAdded()));
        events.addAll(List.of(laterEvents));
        return stateOf(events.toArray()).term(AGDAM_TERM).orElseThrow();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    // --- deadlines

    @Test
    void aDeadlinePassesWhenItsDayIsOverInTheAgreementsZone() {
        assertThat(agdam().deadlinePassesAt(MOSCOW)).isEqualTo(AGDAM_DEADLINE_PASSES);
        assertThat(agdam().deadlinePassesAt(ZoneOffset.UTC)).isEqualTo(at("2020-11-21T00:00:00Z"));
    }

    @Test
    void aTermIsOverdueFromTheInstantItsDeadlinePasses() {
        assertThat(agdam().overdueAt(AGDAM_DEADLINE_PASSES.minusNanos(1), MOSCOW)).isFalse();
        assertThat(agdam().overdueAt(AGDAM_DEADLINE_PASSES, MOSCOW)).isTrue();
        assertThat(agdam().overdueAt(DEC_2_2020, MOSCOW)).isTrue();
    }

    @Test
    void aTermFulfilledByThenIsNotOverdue() {
        TermState term = agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, at("2020-11-19T12:00:00Z")));

        assertThat(term.overdueAt(DEC_2_2020, MOSCOW)).isFalse();
    }

    @Test
    void aTermFulfilledOnlyLaterIsOverdueUntilThen() {
        TermState term = agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, at("2020-12-05T00:00:00Z")));

        assertThat(term.overdueAt(DEC_2_2020, MOSCOW)).isTrue();
        assertThat(term.overdueAt(at("2020-12-06T00:00:00Z"), MOSCOW)).isFalse();
    }

    @Test
    void aTermOnlyInProgressOrPartlyFulfilledIsOverdue() {
        assertThat(agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.IN_PROGRESS, at("2020-11-15T00:00:00Z")))
                .overdueAt(DEC_2_2020, MOSCOW)).isTrue();
        assertThat(agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.PARTIALLY_FULFILLED, at("2020-11-15T00:00:00Z")))
                .overdueAt(DEC_2_2020, MOSCOW)).isTrue();
    }

    @Test
    void aTermWithoutADeadlineIsNeverOverdue() {
        TermState ceasefire = stateOf(recorded(), ceasefireAdded()).term(CEASEFIRE_TERM).orElseThrow();

        assertThat(ceasefire.deadlinePassesAt(MOSCOW)).isNull();
        assertThat(ceasefire.overdueAt(at("2030-01-01T00:00:00Z"), MOSCOW)).isFalse();
    }

    @Test
    void aFulfilmentWithdrawnDoesNotCountAgainstTheDeadline() {
        TermState term = agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, at("2020-11-19T12:00:00Z"),
                        new Evidence(VIOLATION, null)),
                new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, AGDAM_TERM, List.of(0)));

        assertThat(term.overdueAt(DEC_2_2020, MOSCOW)).isTrue();
    }

    // --- compliance in valid time

    @Test
    void aTermIsPendingUntilItsFirstAssessmentTakesEffect() {
        TermState term = agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.IN_PROGRESS, at("2020-11-15T00:00:00Z")));

        assertThat(agdam().compliance()).isEqualTo(ComplianceStatus.PENDING);
        assertThat(agdam().complianceAt(DEC_2_2020)).isEqualTo(ComplianceStatus.PENDING);
        assertThat(term.complianceAt(at("2020-11-14T23:59:59Z"))).isEqualTo(ComplianceStatus.PENDING);
        assertThat(term.complianceAt(at("2020-11-15T00:00:00Z"))).isEqualTo(ComplianceStatus.IN_PROGRESS);
        assertThat(term.assessmentAt(at("2020-11-14T00:00:00Z"))).isEmpty();
    }

    @Test
    void complianceFollowsTheEffectiveInstantsNotTheOrderOfRecording() {
        TermState term = agdam(
                assessed(AGDAM_TERM, 0, ComplianceStatus.VIOLATED, at("2020-11-25T00:00:00Z")),
                // recorded later, but effective earlier
                assessed(AGDAM_TERM, 1, ComplianceStatus.FULFILLED, at("2020-11-19T00:00:00Z")));

        assertThat(term.complianceAt(at("2020-11-20T00:00:00Z"))).isEqualTo(ComplianceStatus.FULFILLED);
        assertThat(term.complianceAt(DEC_2_2020)).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(term.compliance()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(term.currentAssessment().orElseThrow().number()).isZero();
    }

    @Test
    void ofTwoAssessmentsEffectiveAtTheSameInstantTheLaterCounts() {
        Instant same = at("2020-11-19T00:00:00Z");
        TermState term = agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, same),
                assessed(AGDAM_TERM, 1, ComplianceStatus.PARTIALLY_FULFILLED, same));

        assertThat(term.complianceAt(same)).isEqualTo(ComplianceStatus.PARTIALLY_FULFILLED);
        assertThat(term.compliance()).isEqualTo(ComplianceStatus.PARTIALLY_FULFILLED);
    }

    @Test
    void withdrawnAssessmentsDoNotCount() {
        TermState term = agdam(
                assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, at("2020-11-19T00:00:00Z")),
                new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, AGDAM_TERM, "2", at("2020-11-25T00:00:00Z")),
                violated(AGDAM_TERM, 1, VIOLATION, at("2020-11-25T00:00:00Z")));
        assertThat(term.complianceAt(DEC_2_2020)).isEqualTo(ComplianceStatus.VIOLATED);

        TermState withdrawn = agdam(
                assessed(AGDAM_TERM, 0, ComplianceStatus.FULFILLED, at("2020-11-19T00:00:00Z")),
                new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, AGDAM_TERM, "2", at("2020-11-25T00:00:00Z")),
                violated(AGDAM_TERM, 1, VIOLATION, at("2020-11-25T00:00:00Z")),
                new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, AGDAM_TERM, List.of(1)));

        assertThat(withdrawn.complianceAt(DEC_2_2020)).isEqualTo(ComplianceStatus.FULFILLED);
        assertThat(withdrawn.compliance()).isEqualTo(ComplianceStatus.FULFILLED);
        assertThat(withdrawn.currentAssessment().orElseThrow().number()).isZero();
        assertThat(withdrawn.assessments()).hasSize(2);
    }

    @Test
    void aTermWithOnlyWithdrawnAssessmentsIsPending() {
        TermState term = agdam(
                new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, AGDAM_TERM, "2", at("2020-11-25T00:00:00Z")),
                violated(AGDAM_TERM, 0, VIOLATION, at("2020-11-25T00:00:00Z")),
                new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, AGDAM_TERM, List.of(0)));

        assertThat(term.compliance()).isEqualTo(ComplianceStatus.PENDING);
        assertThat(term.currentAssessment()).isEmpty();
    }

    @Test
    void aCorrectionReplacesTheDetailsAndKeepsTheAssessments() {
        TermState term = agdam(assessed(AGDAM_TERM, 0, ComplianceStatus.IN_PROGRESS, at("2020-11-15T00:00:00Z")),
                new TermCorrected(AGREEMENT, AGDAM_TERM, TermDetailsBuilder.agdam()
                        .deadline(LocalDate.of(2020, 11, 25)).build(), List.of("deadline")));

        assertThat(term.details().deadline()).isEqualTo(LocalDate.of(2020, 11, 25));
        assertThat(term.overdueAt(DEC_2_2020.minusSeconds(7 * 24 * 3600), MOSCOW)).isFalse();
        assertThat(term.compliance()).isEqualTo(ComplianceStatus.IN_PROGRESS);
    }
}
