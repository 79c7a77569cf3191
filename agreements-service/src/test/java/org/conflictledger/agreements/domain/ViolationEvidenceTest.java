package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.CEASEFIRE_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.DEC_12_2020;
import static org.conflictledger.agreements.domain.AgreementTestData.DEC_1_2020;
import static org.conflictledger.agreements.domain.AgreementTestData.OTHER_VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.UNKNOWN_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.assessed;
import static org.conflictledger.agreements.domain.AgreementTestData.ceasefireAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.stateOf;
import static org.conflictledger.agreements.domain.AgreementTestData.violated;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ComplianceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Violations reported on ledger.events.v1: recorded as evidence, turning the term they name VIOLATED,
 * idempotent, moved when the report moves, and withdrawn with the automatic assessment they caused.
 */
class ViolationEvidenceTest {

    private static final Instant NOV_12_2020 = Instant.parse("2020-11-12T08:00:00Z");

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RecordViolationEvidence report(UUID conflictEvent, UUID term, Instant at) {
        return new RecordViolationEvidence(AGREEMENT, conflictEvent, term, "1", at);
    }

    private static ViolationEvidenceRecorded reported(UUID conflictEvent, UUID term, Instant at) {
        return new ViolationEvidenceRecorded(AGREEMENT, conflictEvent, term, "1", at);
    }

    // --- recording

    @Test
    void aViolationNamingATermTurnsItsComplianceToViolated() {
        fixture.given(recorded(), ceasefireAdded())
                .when(report(VIOLATION, CEASEFIRE_TERM, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020));
    }

    @Test
    void theAutomaticAssessmentTakesTheTermsNextNumber() {
        fixture.given(recorded(), ceasefireAdded(),
                        assessed(CEASEFIRE_TERM, 0, ComplianceStatus.IN_PROGRESS, NOV_12_2020),
                        assessed(CEASEFIRE_TERM, 1, ComplianceStatus.FULFILLED, NOV_12_2020))
                .when(report(VIOLATION, CEASEFIRE_TERM, DEC_1_2020))
                .expectEvents(reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 2, VIOLATION, DEC_1_2020));
    }

    @Test
    void aViolationNamingNoTermIsRecordedAgainstTheAgreementOnly() {
        fixture.given(recorded(), ceasefireAdded())
                .when(new RecordViolationEvidence(AGREEMENT, VIOLATION, null, null, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, null, null, DEC_1_2020));
    }

    @Test
    void aViolationNamingATermTheAgreementDoesNotHaveKeepsOnlyTheReference() {
        fixture.given(recorded(), ceasefireAdded())
                .when(new RecordViolationEvidence(AGREEMENT, VIOLATION, UNKNOWN_TERM, "article 9", DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, null, "article 9", DEC_1_2020));
    }

    @Test
    void recordingTheSameViolationTwiceChangesNothing() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(report(VIOLATION, CEASEFIRE_TERM, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(recorded(), reported(VIOLATION, null, DEC_1_2020))
                .when(report(VIOLATION, null, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(recorded(), reported(VIOLATION, null, DEC_1_2020))
                .when(report(VIOLATION, UNKNOWN_TERM, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherViolationOfTheSameTermIsRecordedToo() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(report(OTHER_VIOLATION, CEASEFIRE_TERM, DEC_12_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported(OTHER_VIOLATION, CEASEFIRE_TERM, DEC_12_2020),
                        violated(CEASEFIRE_TERM, 1, OTHER_VIOLATION, DEC_12_2020));
    }

    @Test
    void movingAViolationToAnotherTermWithdrawsTheOldAutomaticAssessment() {
        fixture.given(recorded(), ceasefireAdded(), agdamAdded(),
                        assessed(AGDAM_TERM, 0, ComplianceStatus.IN_PROGRESS, NOV_12_2020),
                        reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(report(VIOLATION, AGDAM_TERM, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)),
                        reported(VIOLATION, AGDAM_TERM, DEC_1_2020),
                        violated(AGDAM_TERM, 1, VIOLATION, DEC_1_2020));
    }

    @Test
    void movingAViolationOffEveryTermWithdrawsTheOldAutomaticAssessment() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(report(VIOLATION, null, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)),
                        reported(VIOLATION, null, DEC_1_2020));
    }

    @Test
    void aViolationWithoutATermThatNowNamesOneAssessesIt() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, null, DEC_1_2020))
                .when(report(VIOLATION, CEASEFIRE_TERM, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, null, List.of()),
                        reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020));
    }

    @Test
    void aViolationReportedAtAnotherInstantReplacesItsAssessment() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(report(VIOLATION, CEASEFIRE_TERM, DEC_12_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)),
                        reported(VIOLATION, CEASEFIRE_TERM, DEC_12_2020),
                        violated(CEASEFIRE_TERM, 1, VIOLATION, DEC_12_2020));
    }

    @Test
    void aWithdrawnViolationReportedAgainIsRecordedAgain() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020),
                        new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)))
                .when(report(VIOLATION, CEASEFIRE_TERM, DEC_1_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 1, VIOLATION, DEC_1_2020));
    }

    // --- withdrawing

    @Test
    void withdrawingAViolationWithdrawsTheAutomaticAssessmentItCaused() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)));
    }

    @Test
    void withdrawingAViolationLeavesManualAssessmentsAndOtherViolationsAlone() {
        fixture.given(recorded(), ceasefireAdded(),
                        // 0: a manual assessment citing the same conflict event
                        assessed(CEASEFIRE_TERM, 0, ComplianceStatus.VIOLATED, NOV_12_2020,
                                new Evidence(VIOLATION, "seen by monitors")),
                        // 1: the automatic one it caused
                        reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 1, VIOLATION, DEC_1_2020),
                        // 2: an automatic one another violation caused
                        reported(OTHER_VIOLATION, CEASEFIRE_TERM, DEC_12_2020),
                        violated(CEASEFIRE_TERM, 2, OTHER_VIOLATION, DEC_12_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(1)));
    }

    @Test
    void withdrawingAViolationWithoutATermWithdrawsNoAssessment() {
        fixture.given(recorded(), reported(VIOLATION, null, DEC_1_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, null, List.of()));
    }

    @Test
    void withdrawingAViolationTheAgreementDoesNotHoldChangesNothing() {
        fixture.given(recorded(), ceasefireAdded())
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(recorded(), ceasefireAdded(), reported(OTHER_VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, OTHER_VIOLATION, DEC_1_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawingAViolationTwiceChangesNothing() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020),
                        new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawingAViolationReportedAgainWithdrawsOnlyItsNewAssessment() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020),
                        new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)),
                        reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 1, VIOLATION, DEC_1_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(1)));
    }

    @Test
    void withdrawingAMovedViolationWithdrawsOnlyTheAssessmentStillStanding() {
        fixture.given(recorded(), ceasefireAdded(), agdamAdded(),
                        reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020),
                        new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(0)),
                        reported(VIOLATION, AGDAM_TERM, DEC_1_2020),
                        violated(AGDAM_TERM, 0, VIOLATION, DEC_1_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, VIOLATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, AGDAM_TERM, List.of(0)));
    }

    // --- what the events leave

    @Test
    void aWithdrawnViolationNoLongerCountsForTheTermsCompliance() {
        AgreementState state = stateOf(recorded(), ceasefireAdded(),
                assessed(CEASEFIRE_TERM, 0, ComplianceStatus.FULFILLED, NOV_12_2020),
                reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                violated(CEASEFIRE_TERM, 1, VIOLATION, DEC_1_2020));
        TermState term = state.term(CEASEFIRE_TERM).orElseThrow();
        assertThat(term.compliance()).isEqualTo(ComplianceStatus.VIOLATED);
        assertThat(state.activeViolation(VIOLATION)).isPresent();

        state.apply(new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, CEASEFIRE_TERM, List.of(1)));

        assertThat(term.compliance()).isEqualTo(ComplianceStatus.FULFILLED);
        assertThat(term.complianceAt(DEC_12_2020)).isEqualTo(ComplianceStatus.FULFILLED);
        assertThat(term.assessments()).extracting(Assessment::withdrawn).containsExactly(false, true);
        assertThat(state.activeViolation(VIOLATION)).isEmpty();
        assertThat(state.violations()).containsExactly(
                new ViolationRecord(VIOLATION, CEASEFIRE_TERM, "1", DEC_1_2020, true));
    }

    // --- what a violation needs

    @Test
    void aViolationNeedsTheInstantItOccurred() {
        fixture.given(recorded(), ceasefireAdded())
                .when(report(VIOLATION, CEASEFIRE_TERM, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.EFFECTIVE_AT_MISSING));
        fixture.given(recorded())
                .when(report(VIOLATION, null, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.EFFECTIVE_AT_MISSING));
    }

    @Test
    void aViolationNamesItsConflictEvent() {
        fixture.given(recorded(), ceasefireAdded())
                .when(report(null, CEASEFIRE_TERM, DEC_1_2020))
                .expectNoEvents()
                .expectException(violates(AgreementRules.EVIDENCE_INVALID));
    }

    @Test
    void aWithdrawalNamesItsConflictEvent() {
        fixture.given(recorded(), ceasefireAdded(), reported(VIOLATION, CEASEFIRE_TERM, DEC_1_2020),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, DEC_1_2020))
                .when(new WithdrawViolationEvidence(AGREEMENT, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.EVIDENCE_INVALID));
    }
}
