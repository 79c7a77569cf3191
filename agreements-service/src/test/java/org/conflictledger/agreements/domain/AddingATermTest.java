package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.CEASEFIRE_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.PEACEKEEPING_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.UNKNOWN_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.ceasefireAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.agdam;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.ceasefire;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.peacekeeping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.agreements.domain.TermCondition.ConditionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Adding a term: its id and order, its text, its duration, quantities and conditions on other terms. */
class AddingATermTest {

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void expectAdded(TermDetailsBuilder given, TermDetailsBuilder added) {
        fixture.given(recorded(), ceasefireAdded())
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM, given.build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermAdded(AGREEMENT, PEACEKEEPING_TERM, added.build()));
    }

    private void expectViolation(TermDetailsBuilder given, String rule) {
        fixture.given(recorded(), ceasefireAdded())
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM, given.build()))
                .expectNoEvents()
                .expectException(violates(rule));
    }

    @Test
    void addingATermRecordsIt() {
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, CEASEFIRE_TERM, ceasefire().build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ceasefireAdded());
        expectAdded(peacekeeping(), peacekeeping());
    }

    // --- id and order

    @Test
    void aTermNeedsAnId() {
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, null, ceasefire().build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_ID_MISSING));
    }

    @Test
    void aTermIdIsUsedOnce() {
        fixture.given(recorded(), ceasefireAdded())
                .when(new AddTerm(AGREEMENT, null, CEASEFIRE_TERM, agdam().build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_ID_TAKEN));
    }

    @Test
    void aTermNeedsDetails() {
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, CEASEFIRE_TERM, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.DETAILS_MISSING));
    }

    @Test
    void twoTermsCannotHaveTheSameOrder() {
        expectViolation(peacekeeping().order(1), AgreementRules.TERM_ORDER_TAKEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, AgreementRules.MAX_ORDER + 1})
    void anOrderIsBetween1And10000(int order) {
        expectViolation(peacekeeping().order(order), AgreementRules.TERM_ORDER_INVALID);
    }

    @Test
    void theLastOrderIsAllowed() {
        expectAdded(peacekeeping().order(AgreementRules.MAX_ORDER), peacekeeping().order(AgreementRules.MAX_ORDER));
    }

    @Test
    void anAgreementHasAtMost500Terms() {
        List<Object> events = new ArrayList<>();
        events.add(recorded());
        IntStream.rangeClosed(1, AgreementRules.MAX_TERMS).forEach(order -> events.add(new TermAdded(AGREEMENT,
                new UUID(0x40000001L, order), agdam().order(order).build())));
        fixture.given(events)
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM, peacekeeping().order(501).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERMS_TOO_MANY));
        fixture.given(events.subList(0, AgreementRules.MAX_TERMS))
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM, peacekeeping().order(501).build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermAdded(AGREEMENT, PEACEKEEPING_TERM, peacekeeping().order(501).build()));
    }

    // --- texts

    @Test
    void aTermNeedsItsText() {
        expectViolation(peacekeeping().text(null), AgreementRules.TERM_TEXT_MISSING);
        expectViolation(peacekeeping().text(" \n "), AgreementRules.TERM_TEXT_MISSING);
    }

    @Test
    void aTermsTextHasAtMost5000Characters() {
        expectAdded(peacekeeping().text("x".repeat(5000)), peacekeeping().text("x".repeat(5000)));
        expectViolation(peacekeeping().text("x".repeat(5001)), AgreementRules.TEXT_TOO_LONG);
    }

    @Test
    void anArticleReferenceHasAtMost100Characters() {
        expectViolation(peacekeeping().article("4".repeat(101)), AgreementRules.TEXT_TOO_LONG);
    }

    @Test
    void aTermsTextsAreTrimmedAndABlankArticleDropped() {
        expectAdded(peacekeeping().text("  Peacekeepers deploy.\n").article(" 4 "),
                peacekeeping().text("Peacekeepers deploy.").article("4"));
        expectAdded(peacekeeping().article("  "), peacekeeping().article(null));
    }

    @Test
    void aTermNeedsACategory() {
        expectViolation(peacekeeping().category(null), AgreementRules.CATEGORY_MISSING);
    }

    @Test
    void aTermNamesEachPartyOnce() {
        expectViolation(peacekeeping().obligated(ARMENIA, ARMENIA), AgreementRules.REFERENCE_DUPLICATE);
        expectViolation(peacekeeping().beneficiaries(ARMENIA, null), AgreementRules.REFERENCE_MISSING);
        expectViolation(peacekeeping().obligated(IntStream.range(0, 51).mapToObj(i -> new UUID(1, i)).toList()),
                AgreementRules.LIST_TOO_LONG);
    }

    // --- duration

    @Test
    void aRenewalPeriodDefaultsToThePeriod() {
        expectAdded(peacekeeping().duration("P5Y", true, null, "P6M"),
                peacekeeping().duration("P5Y", true, "P5Y", "P6M"));
    }

    @Test
    void aTermThatDoesNotRenewHasNoRenewalPeriod() {
        expectAdded(peacekeeping().duration("P5Y", false, "P5Y", null), peacekeeping().duration("P5Y", false, null, null));
    }

    @Test
    void theRenewalPeriodOfATermThatDoesNotRenewIsNeitherCheckedNorKept() {
        expectAdded(peacekeeping().duration("P5Y", false, "P1M", "P6M"), peacekeeping().duration("P5Y", false, null, "P6M"));
    }

    @Test
    void aDurationWithoutNoticeIsAllowed() {
        expectAdded(peacekeeping().duration("P5Y", true, "P1Y", null), peacekeeping().duration("P5Y", true, "P1Y", null));
    }

    @ParameterizedTest(name = "period {0}, renewal {1}, notice {2}")
    @CsvSource(nullValues = "null", value = {
            "null, null, null",
            "P0D, null, null",
            "P-1Y, null, null",
            "P1Y-13M, null, null",
            "P0D, P5Y, null",
            "P-1Y, P1Y, null",
            "P5Y, P0D, null",
            "P5Y, P-5Y, null",
            "P5Y, P5Y, P0D",
            "P5Y, P5Y, P-6M",
            "P5Y, P5Y, P5Y",
            "P5Y, P5Y, P6Y",
            "P5Y, P6M, P6M",
            "P5Y, P1Y, P13M",
            "P6M, P5Y, P6M"})
    void aDurationIsPositiveAndItsNoticeShorterThanItsPeriods(String period, String renewal, String notice) {
        expectViolation(peacekeeping().duration(period, true, renewal, notice), AgreementRules.DURATION_INVALID);
    }

    @Test
    void aNoticeJustShorterThanThePeriodIsAllowed() {
        expectAdded(peacekeeping().duration("P1Y", true, null, "P11M30D"),
                peacekeeping().duration("P1Y", true, "P1Y", "P11M30D"));
    }

    // --- quantities

    @Test
    void aQuantityNeedsAValueOfAtLeastZeroAndAUnit() {
        expectViolation(peacekeeping().quantities(new Quantity(new BigDecimal("-1"), "personnel", null)),
                AgreementRules.QUANTITY_INVALID);
        expectViolation(peacekeeping().quantities(new Quantity(null, "personnel", null)),
                AgreementRules.QUANTITY_INVALID);
        expectViolation(peacekeeping().quantities(new Quantity(BigDecimal.TEN, " ", null)),
                AgreementRules.QUANTITY_INVALID);
        expectViolation(peacekeeping().quantities((Quantity) null), AgreementRules.QUANTITY_INVALID);
    }

    @Test
    void aQuantityMayBeZeroAndItsTextsAreTrimmed() {
        expectAdded(peacekeeping().quantities(new Quantity(BigDecimal.ZERO, " km ", "  buffer zone ")),
                peacekeeping().quantities(new Quantity(BigDecimal.ZERO, "km", "buffer zone")));
        expectAdded(peacekeeping().quantities(new Quantity(BigDecimal.ONE, "km", " ")),
                peacekeeping().quantities(new Quantity(BigDecimal.ONE, "km", null)));
    }

    @Test
    void aUnitHasAtMost64Characters() {
        expectViolation(peacekeeping().quantities(new Quantity(BigDecimal.ONE, "u".repeat(65), null)),
                AgreementRules.TEXT_TOO_LONG);
    }

    @Test
    void aTermSetsAtMost50Quantities() {
        Quantity[] quantities = IntStream.range(0, 51).mapToObj(i -> new Quantity(BigDecimal.valueOf(i), "km", null))
                .toArray(Quantity[]::new);
        expectViolation(peacekeeping().quantities(quantities), AgreementRules.LIST_TOO_LONG);
    }

    // --- conditions

    @Test
    void aConditionNamesAnotherTermOfTheAgreement() {
        expectAdded(peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, CEASEFIRE_TERM)),
                peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, CEASEFIRE_TERM)));
    }

    @Test
    void aConditionOnATermTheAgreementDoesNotHaveIsRefused() {
        expectViolation(peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, UNKNOWN_TERM)),
                AgreementRules.CONDITION_INVALID);
        expectViolation(peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, AGDAM_TERM)),
                AgreementRules.CONDITION_INVALID);
    }

    @Test
    void aNewTermCannotBeAConditionOfItself() {
        expectViolation(peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, PEACEKEEPING_TERM)),
                AgreementRules.CONDITION_INVALID);
    }

    @Test
    void aConditionNeedsAKindAndATermAndIsGivenOnce() {
        expectViolation(peacekeeping().conditions(new TermCondition(null, CEASEFIRE_TERM)),
                AgreementRules.CONDITION_INVALID);
        expectViolation(peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, null)),
                AgreementRules.CONDITION_INVALID);
        expectViolation(peacekeeping().conditions((TermCondition) null), AgreementRules.CONDITION_INVALID);
        expectViolation(peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, CEASEFIRE_TERM),
                new TermCondition(ConditionKind.AFTER, CEASEFIRE_TERM)), AgreementRules.CONDITION_INVALID);
    }

    @Test
    void aTermMayNameTheSameTermUnderTwoKinds() {
        TermDetailsBuilder term = peacekeeping().conditions(new TermCondition(ConditionKind.AFTER, CEASEFIRE_TERM),
                new TermCondition(ConditionKind.CONDITIONAL_ON, CEASEFIRE_TERM));
        expectAdded(term, term);
    }

    @Test
    void termsAreKeptInTheirOrder() {
        AgreementState state = AgreementTestData.stateOf(recorded(), agdamAdded(), ceasefireAdded(),
                AgreementTestData.peacekeepingAdded());
        assertThat(state.terms()).extracting(TermState::termId)
                .containsExactly(CEASEFIRE_TERM, AGDAM_TERM, PEACEKEEPING_TERM);
    }
}
