package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.PEACEKEEPING_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.RUSSIA;
import static org.conflictledger.agreements.domain.AgreementTestData.TURKEY;
import static org.conflictledger.agreements.domain.AgreementTestData.UNKNOWN_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.peacekeepingAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.peacekeeping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.AgreementStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Objecting to the automatic renewal of a term: only by a signatory, only for a term that renews, once. */
class ObjectingToARenewalTest {

    private static final Instant APR_1_2025 = Instant.parse("2025-04-01T00:00:00Z");

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static ObjectToTermRenewal objection(UUID party, Instant at) {
        return new ObjectToTermRenewal(AGREEMENT, null, PEACEKEEPING_TERM, party, at);
    }

    @Test
    void aSignatoryCanObjectToARenewal() {
        fixture.given(recorded(), peacekeepingAdded())
                .when(objection(AZERBAIJAN, APR_1_2025))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, APR_1_2025));
    }

    @Test
    void aPartyThatDidNotSignCannotObject() {
        fixture.given(recorded(), peacekeepingAdded())
                .when(objection(TURKEY, APR_1_2025))
                .expectNoEvents()
                .expectException(violates(AgreementRules.OBJECTOR_NOT_A_SIGNATORY));
        fixture.given(recorded(), peacekeepingAdded())
                .when(objection(null, APR_1_2025))
                .expectNoEvents()
                .expectException(violates(AgreementRules.OBJECTOR_NOT_A_SIGNATORY));
    }

    @Test
    void aWitnessIsNotASignatory() {
        fixture.given(new AgreementRecorded(AGREEMENT, trilateralStatement().signatories(AZERBAIJAN, ARMENIA)
                        .witnesses(RUSSIA).build(), AgreementStatus.IN_FORCE),
                        peacekeepingAdded())
                .when(objection(RUSSIA, APR_1_2025))
                .expectNoEvents()
                .expectException(violates(AgreementRules.OBJECTOR_NOT_A_SIGNATORY));
    }

    @Test
    void aPartyAddedAsSignatoryByACorrectionCanObject() {
        fixture.given(new AgreementRecorded(AGREEMENT, trilateralStatement().signatories(AZERBAIJAN, ARMENIA).build(),
                                AgreementStatus.IN_FORCE),
                        peacekeepingAdded(),
                        new AgreementCorrected(AGREEMENT, trilateralStatement().build(), List.of("signatories")))
                .when(objection(RUSSIA, APR_1_2025))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, RUSSIA, APR_1_2025));
    }

    @Test
    void onlyATermThatRenewsAutomaticallyCanBeObjectedTo() {
        fixture.given(recorded(), agdamAdded())
                .when(new ObjectToTermRenewal(AGREEMENT, null, AGDAM_TERM, AZERBAIJAN, APR_1_2025))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_NOT_RENEWABLE));
        fixture.given(recorded(), new TermAdded(AGREEMENT, PEACEKEEPING_TERM,
                        peacekeeping().duration("P5Y", false, null, null).build()))
                .when(objection(AZERBAIJAN, APR_1_2025))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_NOT_RENEWABLE));
    }

    @Test
    void onlyATermOfTheAgreementCanBeObjectedTo() {
        fixture.given(recorded(), peacekeepingAdded())
                .when(new ObjectToTermRenewal(AGREEMENT, null, UNKNOWN_TERM, AZERBAIJAN, APR_1_2025))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TERM_UNKNOWN));
    }

    @Test
    void anObjectionNeedsTheInstantItWasMade() {
        fixture.given(recorded(), peacekeepingAdded())
                .when(objection(AZERBAIJAN, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.EFFECTIVE_AT_MISSING));
    }

    @Test
    void repeatingAnObjectionChangesNothing() {
        fixture.given(recorded(), peacekeepingAdded(),
                        new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, APR_1_2025))
                .when(objection(AZERBAIJAN, APR_1_2025))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherObjectionByTheSamePartyOrTheSameObjectionByAnotherIsRecorded() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        fixture.given(recorded(), peacekeepingAdded(),
                        new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, APR_1_2025))
                .when(objection(AZERBAIJAN, later))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, later));
        fixture.given(recorded(), peacekeepingAdded(),
                        new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, AZERBAIJAN, APR_1_2025))
                .when(objection(ARMENIA, APR_1_2025))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermRenewalObjected(AGREEMENT, PEACEKEEPING_TERM, ARMENIA, APR_1_2025));
    }
}
