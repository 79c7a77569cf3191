package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.bareDraft;
import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.CEASEFIRE_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.OTHER_AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.PEACEKEEPING_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.RUSSIA;
import static org.conflictledger.agreements.domain.AgreementTestData.TURKEY;
import static org.conflictledger.agreements.domain.AgreementTestData.UNKNOWN_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.ceasefireAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.peacekeepingAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.agdam;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.ceasefire;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.peacekeeping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corrections replace all the details of an agreement or a term and record which fields changed. */
class CorrectingAnAgreementTest {

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void expectCorrected(AgreementDetailsBuilder correction, AgreementDetailsBuilder recorded,
            String... changedFields) {
        fixture.given(recorded())
                .when(new CorrectAgreement(AGREEMENT, null, correction.build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementCorrected(AGREEMENT, recorded.build(), List.of(changedFields)));
    }

    private void expectViolation(AgreementStatus status, AgreementDetailsBuilder correction, String rule) {
        fixture.given(recorded(status))
                .when(new CorrectAgreement(AGREEMENT, null, correction.build()))
                .expectNoEvents()
                .expectException(violates(rule));
    }

    // --- the agreement

    @Test
    void correctingAnAgreementRecordsTheNewDetailsAndWhichFieldsChanged() {
        AgreementDetailsBuilder corrected = trilateralStatement().witnesses(TURKEY);
        expectCorrected(corrected, corrected, "witnesses");
    }

    @Test
    void theChangedFieldsAreSortedByName() {
        AgreementDetailsBuilder corrected = trilateralStatement().title("Trilateral statement")
                .signatories(RUSSIA, AZERBAIJAN, ARMENIA).complements(OTHER_AGREEMENT)
                .signedOn(LocalDate.of(2020, 11, 10));
        expectCorrected(corrected, corrected, "complements", "signatories", "signedOn", "title");
    }

    @Test
    void correctingEveryFieldNamesEveryField() {
        AgreementDetailsBuilder corrected = trilateralStatement()
                .title("Another title").kind(AgreementKind.ARMISTICE).theater(Theater.SOUTH_CAUCASUS)
                .signedOn(LocalDate.of(2020, 11, 10)).signedPlace("Baku")
                .inForceAt(Instant.parse("2020-11-10T00:00:00Z")).inForceZone("Asia/Baku")
                .signatories(RUSSIA).witnesses(TURKEY).supersedes(OTHER_AGREEMENT)
                .complements(UUID.fromString("30000000-0000-0000-0000-000000000004"))
                .paxAgreementId("2258");
        expectCorrected(corrected, corrected, "complements", "inForceAt", "inForceZone", "kind", "paxAgreementId",
                "signatories", "signedOn", "signedPlace", "supersedes", "theater", "title", "witnesses");
    }

    @Test
    void aCorrectionIsNormalisedLikeARecording() {
        expectCorrected(trilateralStatement().title("  Trilateral statement ").signedPlace(" ").inForceZone(null),
                trilateralStatement().title("Trilateral statement").signedPlace(null).inForceZone("UTC"),
                "inForceZone", "signedPlace", "title");
    }

    @Test
    void correctingToTheSameDetailsChangesNothing() {
        fixture.given(recorded())
                .when(new CorrectAgreement(AGREEMENT, null, trilateralStatement().build()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void correctingToDetailsThatNormaliseToTheSameChangesNothing() {
        fixture.given(recorded())
                .when(new CorrectAgreement(AGREEMENT, null, trilateralStatement()
                        .title(" " + AgreementDetailsBuilder.TITLE + "\n").signedPlace(" Moscow")
                        .inForceZone("Europe/Moscow ").paxAgreementId(" 2257").build()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsCheckedLikeARecording() {
        expectViolation(AgreementStatus.IN_FORCE, trilateralStatement().title(" "), AgreementRules.TITLE_MISSING);
        expectViolation(AgreementStatus.IN_FORCE, trilateralStatement().inForceZone("Moscow"),
                AgreementRules.ZONE_INVALID);
        expectViolation(AgreementStatus.IN_FORCE, trilateralStatement().supersedes(AGREEMENT),
                AgreementRules.REFERENCES_ITSELF);
        fixture.given(recorded())
                .when(new CorrectAgreement(AGREEMENT, null, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.DETAILS_MISSING));
    }

    @Test
    void anAgreementInForceKeepsTheInstantItTookEffect() {
        expectViolation(AgreementStatus.IN_FORCE, trilateralStatement().inForceAt(null),
                AgreementRules.IN_FORCE_WITHOUT_INSTANT);
    }

    @Test
    void aSignedAgreementKeepsASignatory() {
        expectViolation(AgreementStatus.SIGNED, trilateralStatement().signatories(),
                AgreementRules.SIGNATORIES_MISSING);
        expectViolation(AgreementStatus.IN_FORCE, trilateralStatement().signatories(),
                AgreementRules.SIGNATORIES_MISSING);
    }

    @Test
    void aDraftMayLoseItsSignatoriesAndDates() {
        fixture.given(recorded(AgreementStatus.DRAFT))
                .when(new CorrectAgreement(AGREEMENT, null, bareDraft().build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementCorrected(AGREEMENT, bareDraft().build(),
                        List.of("inForceAt", "inForceZone", "paxAgreementId", "signatories", "signedOn",
                                "signedPlace")));
    }

    // --- a term

    @Test
    void correctingATermRecordsItsNewDetailsAndWhichFieldsChanged() {
        TermDetailsBuilder corrected = agdam().deadline(LocalDate.of(2020, 11, 25)).article("2.")
                .beneficiaries(AZERBAIJAN, RUSSIA);
        fixture.given(recorded(), ceasefireAdded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, corrected.build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermCorrected(AGREEMENT, AGDAM_TERM, corrected.build(),
                        List.of("article", "beneficiaries", "deadline")));
    }

    @Test
    void correctingEveryFieldOfATermNamesEveryField() {
        TermDetailsBuilder corrected = agdam().order(3).article("3").text("Another text")
                .category(TermCategory.WITHDRAWAL).obligated(RUSSIA).beneficiaries(ARMENIA).deadline(null)
                .duration("P1Y", false, null, null)
                .quantities(new Quantity(BigDecimal.ONE, "km", null))
                .conditions(new TermCondition(TermCondition.ConditionKind.AFTER, CEASEFIRE_TERM));
        fixture.given(recorded(), ceasefireAdded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, corrected.build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermCorrected(AGREEMENT, AGDAM_TERM, corrected.build(),
                        List.of("article", "beneficiaries", "category", "conditions", "deadline", "duration",
                                "obligated", "order", "quantities", "text")));
    }

    @Test
    void aTermCorrectionIsNormalised() {
        fixture.given(recorded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, agdam().text("  Agdam returned. ").article(" ")
                        .build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermCorrected(AGREEMENT, AGDAM_TERM, agdam().text("Agdam returned.").article(null)
                        .build(), List.of("article", "text")));
    }

    @Test
    void correctingATermToTheSameDetailsChangesNothing() {
        fixture.given(recorded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, agdam().text(" " + agdam().build().text() + " ")
                        .build()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyATermOfTheAgreementCanBeCorrected() {
        fixture.given(recorded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, UNKNOWN_TERM, agdam().build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_UNKNOWN));
    }

    @Test
    void aTermKeepsItsOwnOrderButCannotTakeAnothersOrder() {
        fixture.given(recorded(), ceasefireAdded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, agdam().order(1).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_ORDER_TAKEN));
        fixture.given(recorded(), ceasefireAdded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, agdam().order(2).text("Agdam returned.").build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermCorrected(AGREEMENT, AGDAM_TERM, agdam().text("Agdam returned.").build(),
                        List.of("text")));
    }

    @Test
    void aTermCannotBeAConditionOfItself() {
        fixture.given(recorded(), ceasefireAdded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, agdam()
                        .conditions(new TermCondition(TermCondition.ConditionKind.AFTER, AGDAM_TERM)).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.CONDITION_INVALID));
    }

    @Test
    void aCorrectedTermMayNameAnotherTermAsCondition() {
        TermDetailsBuilder corrected = peacekeeping()
                .conditions(new TermCondition(TermCondition.ConditionKind.IN_PARALLEL_WITH, AGDAM_TERM));
        fixture.given(recorded(), agdamAdded(), peacekeepingAdded())
                .when(new CorrectTerm(AGREEMENT, null, PEACEKEEPING_TERM, corrected.build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermCorrected(AGREEMENT, PEACEKEEPING_TERM, corrected.build(),
                        List.of("conditions")));
    }

    @Test
    void aCorrectedTermIsCheckedLikeANewOne() {
        fixture.given(recorded(), ceasefireAdded())
                .when(new CorrectTerm(AGREEMENT, null, CEASEFIRE_TERM, ceasefire().text(null).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_TEXT_MISSING));
    }

    @Test
    void changedFieldsNamesTheComponentsThatDifferSorted() {
        AgreementDetails before = trilateralStatement().build();
        assertThat(AgreementRules.changedFields(before, trilateralStatement().build())).isEmpty();
        assertThat(AgreementRules.changedFields(before, trilateralStatement().witnesses(TURKEY).title("T").build()))
                .containsExactly("title", "witnesses");
    }
}
