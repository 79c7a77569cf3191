package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.DEC_1_2020;
import static org.conflictledger.agreements.domain.AgreementTestData.OTHER_VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.UNKNOWN_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.assessed;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violated;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ComplianceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Assessing how a term is kept: status, Peace Accords Matrix score, effective instant and evidence. */
class AssessingComplianceTest {

    private static final Instant NOV_20_2020 = Instant.parse("2020-11-20T12:00:00Z");

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static AssessTermCompliance assess(ComplianceStatus status, Integer score, List<Evidence> evidence) {
        return new AssessTermCompliance(AGREEMENT, null, AGDAM_TERM, status, score, NOV_20_2020, evidence);
    }

    private void expectAssessed(AssessTermCompliance command, TermComplianceAssessed event) {
        fixture.given(recorded(), agdamAdded())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(event);
    }

    private void expectViolation(AssessTermCompliance command, String rule) {
        fixture.given(recorded(), agdamAdded())
                .when(command)
                .expectNoEvents()
                .expectException(violates(rule));
    }

    @Test
    void anAssessmentIsRecordedWithItsEvidence() {
        expectAssessed(assess(ComplianceStatus.FULFILLED, 3, List.of(new Evidence(VIOLATION, "Troops left Agdam"))),
                new TermComplianceAssessed(AGREEMENT, AGDAM_TERM, 0, ComplianceStatus.FULFILLED, 3, NOV_20_2020,
                        List.of(new Evidence(VIOLATION, "Troops left Agdam")), false));
    }

    static Stream<Arguments> everyStatusAndItsDefaultScore() {
        return Stream.of(
                arguments(ComplianceStatus.PENDING, 0),
                arguments(ComplianceStatus.IN_PROGRESS, 1),
                arguments(ComplianceStatus.FULFILLED, 3),
                arguments(ComplianceStatus.PARTIALLY_FULFILLED, 2),
                arguments(ComplianceStatus.VIOLATED, 0),
                arguments(ComplianceStatus.LAPSED, 0));
    }

    @ParameterizedTest
    @MethodSource("everyStatusAndItsDefaultScore")
    void anAssessmentWithoutAScoreTakesTheStatussDefaultScore(ComplianceStatus status, int score) {
        expectAssessed(assess(status, null, null),
                new TermComplianceAssessed(AGREEMENT, AGDAM_TERM, 0, status, score, NOV_20_2020, List.of(), false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aScoreGivenOverridesTheDefault(int score) {
        expectAssessed(assess(ComplianceStatus.PARTIALLY_FULFILLED, score, List.of()),
                new TermComplianceAssessed(AGREEMENT, AGDAM_TERM, 0, ComplianceStatus.PARTIALLY_FULFILLED, score,
                        NOV_20_2020, List.of(), false));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, 100, Integer.MIN_VALUE})
    void aScoreIsFrom0To3(int score) {
        expectViolation(assess(ComplianceStatus.FULFILLED, score, List.of()), AgreementRules.SCORE_OUT_OF_RANGE);
    }

    @Test
    void anAssessmentNeedsAStatusAndAnInstant() {
        expectViolation(assess(null, 3, List.of()), AgreementRules.STATUS_MISSING);
        expectViolation(new AssessTermCompliance(AGREEMENT, null, AGDAM_TERM, ComplianceStatus.FULFILLED, 3, null,
                List.of()), AgreementRules.EFFECTIVE_AT_MISSING);
    }

    @Test
    void onlyATermOfTheAgreementCanBeAssessed() {
        expectViolation(new AssessTermCompliance(AGREEMENT, null, UNKNOWN_TERM, ComplianceStatus.FULFILLED, 3,
                NOV_20_2020, List.of()), AgreementRules.TERM_UNKNOWN);
    }

    @Test
    void assessmentsAreNumberedFromZeroIncludingWithdrawnOnes() {
        fixture.given(recorded(), agdamAdded(),
                        assessed(AGDAM_TERM, 0, ComplianceStatus.IN_PROGRESS, NOV_20_2020),
                        new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, AGDAM_TERM, "2", DEC_1_2020),
                        violated(AGDAM_TERM, 1, VIOLATION, DEC_1_2020),
                        new ViolationEvidenceWithdrawn(AGREEMENT, VIOLATION, AGDAM_TERM, List.of(1)))
                .when(assess(ComplianceStatus.FULFILLED, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermComplianceAssessed(AGREEMENT, AGDAM_TERM, 2, ComplianceStatus.FULFILLED, 3,
                        NOV_20_2020, List.of(), false));
    }

    @Test
    void evidenceNotesAreTrimmedAndBlankOnesDropped() {
        expectAssessed(assess(ComplianceStatus.VIOLATED, null,
                        List.of(new Evidence(VIOLATION, "  shelling near Shusha "), new Evidence(OTHER_VIOLATION, " "))),
                new TermComplianceAssessed(AGREEMENT, AGDAM_TERM, 0, ComplianceStatus.VIOLATED, 0, NOV_20_2020,
                        List.of(new Evidence(VIOLATION, "shelling near Shusha"), new Evidence(OTHER_VIOLATION, null)),
                        false));
    }

    @Test
    void evidenceNamesEachConflictEventOnce() {
        expectViolation(assess(ComplianceStatus.VIOLATED, null,
                        List.of(new Evidence(VIOLATION, "a"), new Evidence(VIOLATION, "b"))),
                AgreementRules.EVIDENCE_INVALID);
        expectViolation(assess(ComplianceStatus.VIOLATED, null, List.of(new Evidence(null, "a"))),
                AgreementRules.EVIDENCE_INVALID);
        expectViolation(assess(ComplianceStatus.VIOLATED, null, Arrays.asList((Evidence) null)),
                AgreementRules.EVIDENCE_INVALID);
    }

    @Test
    void anEvidenceNoteHasAtMost1000Characters() {
        expectViolation(assess(ComplianceStatus.VIOLATED, null, List.of(new Evidence(VIOLATION, "n".repeat(1001)))),
                AgreementRules.TEXT_TOO_LONG);
    }

    @Test
    void anAssessmentCitesAtMost50ConflictEvents() {
        List<Evidence> fifty = IntStream.range(0, 50).mapToObj(i -> new Evidence(new UUID(2, i), null)).toList();
        expectAssessed(assess(ComplianceStatus.VIOLATED, null, fifty),
                new TermComplianceAssessed(AGREEMENT, AGDAM_TERM, 0, ComplianceStatus.VIOLATED, 0, NOV_20_2020, fifty,
                        false));
        List<Evidence> fiftyOne = IntStream.range(0, 51).mapToObj(i -> new Evidence(new UUID(2, i), null)).toList();
        expectViolation(assess(ComplianceStatus.VIOLATED, null, fiftyOne), AgreementRules.LIST_TOO_LONG);
    }
}
