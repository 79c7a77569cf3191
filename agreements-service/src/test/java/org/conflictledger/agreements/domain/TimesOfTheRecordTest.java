package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGDAM_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.CEASEFIRE_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.PEACEKEEPING_TERM;
import static org.conflictledger.agreements.domain.AgreementTestData.VIOLATION;
import static org.conflictledger.agreements.domain.AgreementTestData.agdamAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.ceasefireAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.peacekeepingAdded;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violated;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.agdam;
import static org.conflictledger.agreements.domain.TermDetailsBuilder.peacekeeping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ComplianceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates and instants of the record lie between 1 January 1800 and 31 December 2500 (UTC), and no
 * period is longer than a thousand years: anything else is a typing error.
 */
class TimesOfTheRecordTest {

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // --- days

    @ParameterizedTest
    @ValueSource(strings = {"1800-01-01", "2500-12-31"})
    void theFirstAndLastDaysAreDaysOfTheRecord(String day) {
        LocalDate date = LocalDate.parse(day);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, trilateralStatement().signedOn(date).build(), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementRecorded(AGREEMENT, trilateralStatement().signedOn(date).build(),
                        AgreementStatus.IN_FORCE));
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, AGDAM_TERM, agdam().deadline(date).build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermAdded(AGREEMENT, AGDAM_TERM, agdam().deadline(date).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1799-12-31", "2501-01-01", "0020-11-09", "+20201-11-09"})
    void aDayOutsideTheRecordIsRefused(String day) {
        LocalDate date = LocalDate.parse(day);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, trilateralStatement().signedOn(date).build(), null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded())
                .when(new CorrectAgreement(AGREEMENT, null, trilateralStatement().signedOn(date).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, AGDAM_TERM, agdam().deadline(date).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded(), agdamAdded())
                .when(new CorrectTerm(AGREEMENT, null, AGDAM_TERM, agdam().deadline(date).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
    }

    // --- instants

    @ParameterizedTest
    @ValueSource(strings = {"1800-01-01T00:00:00Z", "2500-12-31T23:59:59.999999999Z"})
    void theFirstAndLastInstantsAreInstantsOfTheRecord(String instant) {
        Instant at = Instant.parse(instant);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, trilateralStatement().inForceAt(at).build(), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementRecorded(AGREEMENT, trilateralStatement().inForceAt(at).build(),
                        AgreementStatus.IN_FORCE));
        fixture.given(recorded())
                .when(new ChangeAgreementStatus(AGREEMENT, null, AgreementStatus.SUSPENDED, at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE,
                        AgreementStatus.SUSPENDED, at));
        fixture.given(recorded(), ceasefireAdded())
                .when(new RecordViolationEvidence(AGREEMENT, VIOLATION, CEASEFIRE_TERM, "1", at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ViolationEvidenceRecorded(AGREEMENT, VIOLATION, CEASEFIRE_TERM, "1", at),
                        violated(CEASEFIRE_TERM, 0, VIOLATION, at));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1799-12-31T23:59:59.999999999Z", "2501-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59.999999999Z"})
    void anInstantOutsideTheRecordIsRefused(String instant) {
        Instant at = Instant.parse(instant);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, trilateralStatement().inForceAt(at).build(), null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded())
                .when(new ChangeAgreementStatus(AGREEMENT, null, AgreementStatus.SUSPENDED, at))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded(), agdamAdded())
                .when(new AssessTermCompliance(AGREEMENT, null, AGDAM_TERM, ComplianceStatus.FULFILLED, null, at,
                        List.of()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded(), peacekeepingAdded())
                .when(new ObjectToTermRenewal(AGREEMENT, null, PEACEKEEPING_TERM, AZERBAIJAN, at))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
        fixture.given(recorded(), ceasefireAdded())
                .when(new RecordViolationEvidence(AGREEMENT, VIOLATION, CEASEFIRE_TERM, "1", at))
                .expectNoEvents()
                .expectException(violates(AgreementRules.TIME_OUT_OF_RANGE));
    }

    // --- periods

    @ParameterizedTest
    @ValueSource(strings = {"P1000Y", "P999Y11M30D", "P12000M", "P365243D"})
    void aPeriodOfAThousandYearsIsAllowed(String period) {
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM,
                        peacekeeping().duration(period, true, period, null).build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TermAdded(AGREEMENT, PEACEKEEPING_TERM,
                        peacekeeping().duration(period, true, period, null).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1000Y1D", "P1001Y", "P12001M", "P365244D", "P999999999Y", "P2147483647M"})
    void aPeriodLongerThanAThousandYearsIsRefused(String period) {
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM,
                        peacekeeping().duration(period, false, null, null).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.DURATION_INVALID));
        fixture.given(recorded())
                .when(new AddTerm(AGREEMENT, null, PEACEKEEPING_TERM,
                        peacekeeping().duration("P5Y", true, period, null).build()))
                .expectNoEvents()
                .expectException(violates(AgreementRules.DURATION_INVALID));
    }
}
