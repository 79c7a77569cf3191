package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.ConflictEventTestData.EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.FEB_27_2020;
import static org.conflictledger.events.domain.ConflictEventTestData.OTHER_EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.RUSSIA;
import static org.conflictledger.events.domain.ConflictEventTestData.TURKEY;
import static org.conflictledger.events.domain.ConflictEventTestData.US_BROKERED_CEASEFIRE;
import static org.conflictledger.events.domain.ConflictEventTestData.airstrikeReported;
import static org.conflictledger.events.domain.ConflictEventTestData.fixture;
import static org.conflictledger.events.domain.ConflictEventTestData.violates;
import static org.conflictledger.events.domain.DetailsBuilder.ceasefireViolation;
import static org.conflictledger.events.domain.DetailsBuilder.idlibAirstrike;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.GeoPrecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A correction replaces all the details and records which fields changed. */
class CorrectingAConflictEventTest {

    private FixtureConfiguration<ConflictEvent> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static CorrectConflictEvent correct(DetailsBuilder details) {
        return new CorrectConflictEvent(EVENT, null, details.build());
    }

    private void expectCorrected(DetailsBuilder correction, DetailsBuilder recorded, String... changedFields) {
        fixture.given(airstrikeReported())
                .when(correct(correction))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConflictEventCorrected(EVENT, recorded.build(), List.of(changedFields)));
    }

    private void expectViolation(DetailsBuilder correction, String rule) {
        fixture.given(airstrikeReported())
                .when(correct(correction))
                .expectNoEvents()
                .expectException(violates(rule));
    }

    @Test
    void correctingAnEventRecordsTheNewDetailsAndWhichFieldsChanged() {
        DetailsBuilder corrected = idlibAirstrike().fatalities(34, 34, 36).notes("34 Turkish soldiers killed.");
        expectCorrected(corrected, corrected, "fatalities", "notes");
    }

    @Test
    void theChangedFieldsAreSortedByName() {
        DetailsBuilder corrected = idlibAirstrike()
                .ucdpGedId("361234")
                .actors(new InvolvedActor(RUSSIA, ActorRole.PERPETRATOR), new InvolvedActor(TURKEY, ActorRole.TARGET))
                .date(FEB_27_2020.minusDays(1))
                .endDate(FEB_27_2020);
        expectCorrected(corrected, corrected, "actors", "date", "endDate", "ucdpGedId");
    }

    @Test
    void aChangeInsideTheLocationIsAChangeOfTheLocation() {
        DetailsBuilder corrected = idlibAirstrike().coordinates(35.7, 36.5, GeoPrecision.EXACT);
        expectCorrected(corrected, corrected, "location");
    }

    @Test
    void correctingEveryFieldNamesEveryField() {
        DetailsBuilder corrected = ceasefireViolation()
                .endDate(LocalDate.of(2020, 10, 27))
                .datePrecision(DatePrecision.WEEK)
                .location(new Location("Martuni", "Khojavend", null, null, "Azerbaijan", 39.79, 47.11,
                        GeoPrecision.NEAR))
                .fatalities(0, 2, 5)
                .notes("Shelling reported hours after the ceasefire took effect.")
                .confidence(0.6)
                .respondsTo(OTHER_EVENT)
                .sources(new Citation("Ceasefire violated within hours", "OC Media", null, null))
                .acledEventId("AZE1")
                .ucdpGedId("1")
                .externalIds(new ExternalId("wikidata", "Q1"));
        List<String> everyField = Arrays.stream(ConflictEventDetails.class.getRecordComponents())
                .map(component -> component.getName()).sorted().toList();
        assertEquals(18, everyField.size());
        expectCorrected(corrected, corrected, everyField.toArray(String[]::new));
    }

    @Test
    void aCorrectionIsNormalisedLikeAReport() {
        expectCorrected(idlibAirstrike().type(ConflictEventType.BATTLE).subType(null).datePrecision(null)
                        .notes("  Clash, not an airstrike. "),
                idlibAirstrike().type(ConflictEventType.BATTLE).subType(AcledSubType.ARMED_CLASH)
                        .datePrecision(DatePrecision.DAY).notes("Clash, not an airstrike."),
                "notes", "subType", "type");
    }

    @Test
    void aCorrectionIdenticalToTheCurrentDetailsChangesNothing() {
        fixture.given(airstrikeReported())
                .when(correct(idlibAirstrike()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatOnlyLeavesOutDefaultsOrAddsBlanksChangesNothing() {
        fixture.given(airstrikeReported())
                .when(correct(idlibAirstrike().subType(AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK)))
                .expectEvents(new ConflictEventCorrected(EVENT,
                        idlibAirstrike().subType(AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK).build(),
                        List.of("subType")));
        fixture.given(new ConflictEventReported(EVENT,
                        idlibAirstrike().subType(AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK).build()))
                .when(correct(idlibAirstrike().subType(null).datePrecision(null).ucdpGedId("  ")
                        .notes(" " + idlibAirstrike().build().notes() + "\n")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void correctionsFollowTheLatestDetails() {
        DetailsBuilder first = idlibAirstrike().fatalities(34, 34, 36);
        fixture.given(airstrikeReported(), new ConflictEventCorrected(EVENT, first.build(), List.of("fatalities")))
                .when(correct(idlibAirstrike()))
                .expectEvents(new ConflictEventCorrected(EVENT, idlibAirstrike().build(), List.of("fatalities")));
        fixture.given(airstrikeReported(), new ConflictEventCorrected(EVENT, first.build(), List.of("fatalities")))
                .when(correct(first))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsCheckedLikeAReport() {
        fixture.given(airstrikeReported())
                .when(new CorrectConflictEvent(EVENT, null, null))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.DETAILS_MISSING));
        expectViolation(idlibAirstrike().subType(AcledSubType.PEACEFUL_PROTEST), ConflictEventRules.SUB_TYPE_MISMATCH);
        expectViolation(idlibAirstrike().type(ConflictEventType.CEASEFIRE_VIOLATION).subType(null),
                ConflictEventRules.VIOLATION_WITHOUT_AGREEMENT);
        expectViolation(idlibAirstrike().actors(List.of()), ConflictEventRules.ACTORS_MISSING);
        expectViolation(idlibAirstrike().fatalities(40, 34, 36), ConflictEventRules.FATALITIES_INCONSISTENT);
    }

    @Test
    void aCorrectionCannotMakeTheEventRespondToItself() {
        expectViolation(idlibAirstrike().respondsTo(EVENT), ConflictEventRules.RESPONDS_TO_ITSELF);
    }

    @Test
    void correctingTheTypeOfACeasefireViolationKeepsTheAgreementRequired() {
        DetailsBuilder violation = ceasefireViolation();
        fixture.given(new ConflictEventReported(EVENT, violation.build()))
                .when(correct(ceasefireViolation().agreementId(null).term(null)))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.VIOLATION_WITHOUT_AGREEMENT));
        fixture.given(new ConflictEventReported(EVENT, violation.build()))
                .when(correct(ceasefireViolation().type(ConflictEventType.BATTLE).subType(null).agreementId(null)
                        .term(null)))
                .expectEvents(new ConflictEventCorrected(EVENT, ceasefireViolation().type(ConflictEventType.BATTLE)
                        .subType(AcledSubType.ARMED_CLASH).agreementId(null).term(null).build(),
                        List.of("agreementId", "subType", "term", "type")));
    }

    @Test
    void aCorrectedEventKeepsItsStatus() {
        DetailsBuilder corrected = idlibAirstrike().fatalities(34, 34, 36);
        fixture.given(airstrikeReported(), new ConflictEventConfirmed(EVENT),
                        new ConflictEventCorrected(EVENT, corrected.build(), List.of("fatalities")))
                .when(new ConfirmConflictEvent(EVENT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(airstrikeReported(), new ConflictEventDisputed(EVENT))
                .when(correct(corrected))
                .expectEvents(new ConflictEventCorrected(EVENT, corrected.build(), List.of("fatalities")));
    }

    @Test
    void theChangedFieldsOfIdenticalDetailsAreNone() {
        assertEquals(List.of(), ConflictEventRules.changedFields(idlibAirstrike().build(), idlibAirstrike().build()));
        assertEquals(List.of("agreementId", "term"), ConflictEventRules.changedFields(idlibAirstrike().build(),
                idlibAirstrike().agreementId(US_BROKERED_CEASEFIRE).term("1").build()));
        assertEquals(Stream.of("fatalities").toList(), ConflictEventRules.changedFields(idlibAirstrike().build(),
                idlibAirstrike().fatalities(null).build()));
    }
}
