package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.ConflictEventTestData.EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.FEB_27_2020;
import static org.conflictledger.events.domain.ConflictEventTestData.OTHER_EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.RUSSIA;
import static org.conflictledger.events.domain.ConflictEventTestData.SYRIAN_ARMED_FORCES;
import static org.conflictledger.events.domain.ConflictEventTestData.TURKEY;
import static org.conflictledger.events.domain.ConflictEventTestData.US_BROKERED_CEASEFIRE;
import static org.conflictledger.events.domain.ConflictEventTestData.airstrikeReported;
import static org.conflictledger.events.domain.ConflictEventTestData.fixture;
import static org.conflictledger.events.domain.ConflictEventTestData.violates;
import static org.conflictledger.events.domain.DetailsBuilder.SEED;
import static org.conflictledger.events.domain.DetailsBuilder.ceasefireViolation;
import static org.conflictledger.events.domain.DetailsBuilder.idlibAirstrike;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingAConflictEventTest {

    private FixtureConfiguration<ConflictEvent> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void expectViolation(DetailsBuilder details, String rule) {
        expectViolation(details.build(), rule);
    }

    private void expectViolation(ConflictEventDetails details, String rule) {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, details))
                .expectNoEvents()
                .expectException(violates(rule));
    }

    /** The report is accepted and recorded exactly as {@code recorded}. */
    private void expectReported(DetailsBuilder details, DetailsBuilder recorded) {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, details.build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConflictEventReported(EVENT, recorded.build()));
    }

    /** The report is accepted unchanged. */
    private void expectAccepted(DetailsBuilder details) {
        expectReported(details, details);
    }

    // --- happy paths and normalisation

    @Test
    void reportingAConflictEventRecordsItsDetails() {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(EVENT, idlibAirstrike().build()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(airstrikeReported());
    }

    @Test
    void reportingACeasefireViolationRecordsTheAgreementTermAndTheEventItRespondsTo() {
        expectAccepted(ceasefireViolation().respondsTo(OTHER_EVENT).endDate(LocalDate.of(2020, 10, 27)));
    }

    @ParameterizedTest
    @EnumSource(ConflictEventType.class)
    void aReportWithoutSubTypeTakesTheTypesDefault(ConflictEventType type) {
        DetailsBuilder report = idlibAirstrike().type(type).agreementId(US_BROKERED_CEASEFIRE);
        expectReported(report.subType(null),
                idlibAirstrike().type(type).agreementId(US_BROKERED_CEASEFIRE)
                        .subType(AcledMapping.defaultSubType(type)));
    }

    @Test
    void aReportWithoutSubTypeTakesTheTypesDefaultForExampleShellingForExplosions() {
        expectReported(idlibAirstrike().subType(null),
                idlibAirstrike().subType(AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK));
    }

    @Test
    void aReportWithoutDatePrecisionIsPreciseToTheDay() {
        expectReported(idlibAirstrike().datePrecision(null), idlibAirstrike().datePrecision(DatePrecision.DAY));
    }

    @ParameterizedTest
    @EnumSource(DatePrecision.class)
    void aGivenDatePrecisionIsKept(DatePrecision precision) {
        expectAccepted(idlibAirstrike().datePrecision(precision));
    }

    @Test
    void reportingTrimsTextsAndTurnsBlankOnesIntoNothing() {
        expectReported(idlibAirstrike()
                        .location(new Location("  Balyun ", "Idlib\n", " ", "", " Syria", 35.66, 36.47,
                                GeoPrecision.NEAR))
                        .notes("  Airstrike.  ")
                        .agreementId(US_BROKERED_CEASEFIRE)
                        .term(" Article 1 ")
                        .sources(new Citation(" Seed ", "  ", " https://example.org/seed ", null))
                        .acledEventId(" SYR1 ")
                        .ucdpGedId("  "),
                idlibAirstrike()
                        .location(new Location("Balyun", "Idlib", null, null, "Syria", 35.66, 36.47,
                                GeoPrecision.NEAR))
                        .notes("Airstrike.")
                        .agreementId(US_BROKERED_CEASEFIRE)
                        .term("Article 1")
                        .sources(new Citation("Seed", null, "https://example.org/seed", null))
                        .acledEventId("SYR1")
                        .ucdpGedId(null));
    }

    @Test
    void blankNotesAndTermAreNoNotesAndNoTerm() {
        expectReported(idlibAirstrike().notes(" \n ").term("  "), idlibAirstrike().notes(null).term(null));
    }

    @Test
    void aLocationOrFatalitiesWithNothingInThemAreNone() {
        expectReported(idlibAirstrike()
                        .location(new Location(" ", null, "", null, null, null, null, null))
                        .fatalities(null, null, null),
                idlibAirstrike().location(null).fatalities(null));
    }

    @Test
    void anEventMayHaveNoLocationNoFatalitiesNoSourcesAndNoAssessment() {
        expectAccepted(idlibAirstrike().location(null).fatalities(null).sources(List.of()).notes(null)
                .confidence(null).acledEventId(null));
        expectReported(idlibAirstrike().sources((List<Citation>) null), idlibAirstrike().sources(List.of()));
    }

    @Test
    void aPlaceWithoutCoordinatesNeedsNoGeoPrecision() {
        expectAccepted(idlibAirstrike().coordinates(null, null, null));
        expectAccepted(idlibAirstrike().location(new Location(null, null, null, null, "Syria", null, null,
                GeoPrecision.COUNTRY)));
    }

    // --- what a report needs

    @Test
    void aConflictEventNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new ReportConflictEvent(null, idlibAirstrike().build()))
                .expectNoEvents()
                .expectException(violates(ConflictEventRules.EVENT_ID_MISSING));
    }

    @Test
    void aReportNeedsDetails() {
        expectViolation((ConflictEventDetails) null, ConflictEventRules.DETAILS_MISSING);
    }

    @Test
    void aConflictEventNeedsATheater() {
        expectViolation(idlibAirstrike().theater(null), ConflictEventRules.THEATER_MISSING);
    }

    @Test
    void aConflictEventNeedsAType() {
        expectViolation(idlibAirstrike().type(null), ConflictEventRules.TYPE_MISSING);
        expectViolation(idlibAirstrike().type(null).subType(null), ConflictEventRules.TYPE_MISSING);
    }

    @Test
    void aConflictEventNeedsADate() {
        expectViolation(idlibAirstrike().date(null), ConflictEventRules.DATE_MISSING);
    }

    // --- sub-type

    @ParameterizedTest
    @CsvSource({
            "BATTLE, AIR_DRONE_STRIKE",
            "EXPLOSION_REMOTE_VIOLENCE, ARMED_CLASH",
            "VIOLENCE_AGAINST_CIVILIANS, MOB_VIOLENCE",
            "PROTEST, VIOLENT_DEMONSTRATION",
            "RIOT, PEACEFUL_PROTEST",
            "STRATEGIC_DEVELOPMENT, ATTACK",
            "AGREEMENT_SIGNED, ARMED_CLASH",
            "WITHDRAWAL, GOVERNMENT_REGAINS_TERRITORY",
            "CEASEFIRE_VIOLATION, PEACEFUL_PROTEST",
            "CEASEFIRE_VIOLATION, ATTACK",
            "CEASEFIRE_VIOLATION, AGREEMENT"})
    void aSubTypeMustBelongToTheAcledTypeOfTheEventType(ConflictEventType type, AcledSubType subType) {
        expectViolation(idlibAirstrike().type(type).subType(subType).agreementId(US_BROKERED_CEASEFIRE),
                ConflictEventRules.SUB_TYPE_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(value = AcledSubType.class, names = {"ARMED_CLASH", "GOVERNMENT_REGAINS_TERRITORY",
            "NON_STATE_ACTOR_OVERTAKES_TERRITORY", "AIR_DRONE_STRIKE", "SHELLING_ARTILLERY_MISSILE_ATTACK",
            "REMOTE_EXPLOSIVE_LANDMINE_IED", "GRENADE"})
    void aCeasefireViolationMayBeAnyBattleOrExplosion(AcledSubType subType) {
        expectAccepted(ceasefireViolation().subType(subType));
    }

    @Test
    void aStrategicTypeMayCarryAnyStrategicSubType() {
        expectAccepted(idlibAirstrike().type(ConflictEventType.DEPLOYMENT)
                .subType(AcledSubType.NON_VIOLENT_TRANSFER_OF_TERRITORY));
        expectAccepted(idlibAirstrike().type(ConflictEventType.SANCTION).subType(AcledSubType.ARRESTS));
    }

    // --- date range

    @Test
    void anEventMayLastSeveralDays() {
        expectAccepted(idlibAirstrike().endDate(FEB_27_2020));
        expectAccepted(idlibAirstrike().endDate(FEB_27_2020.plusDays(3)));
    }

    @Test
    void anEventCannotEndBeforeItStarts() {
        expectViolation(idlibAirstrike().endDate(FEB_27_2020.minusDays(1)), ConflictEventRules.DATE_RANGE_INVALID);
    }

    // --- involved actors

    @Test
    void aConflictEventInvolvesAtLeastOneActor() {
        expectViolation(idlibAirstrike().actors(List.of()), ConflictEventRules.ACTORS_MISSING);
        expectViolation(idlibAirstrike().actors((List<InvolvedActor>) null), ConflictEventRules.ACTORS_MISSING);
    }

    @Test
    void anInvolvedActorNeedsAnActorAndARole() {
        expectViolation(idlibAirstrike().actors(new InvolvedActor(TURKEY, ActorRole.TARGET), null),
                ConflictEventRules.ACTOR_INCOMPLETE);
        expectViolation(idlibAirstrike().actors(new InvolvedActor(null, ActorRole.TARGET)),
                ConflictEventRules.ACTOR_INCOMPLETE);
        expectViolation(idlibAirstrike().actors(new InvolvedActor(TURKEY, null)),
                ConflictEventRules.ACTOR_INCOMPLETE);
    }

    @Test
    void anActorIsNamedInTheSameRoleOnlyOnce() {
        expectViolation(idlibAirstrike().actors(new InvolvedActor(SYRIAN_ARMED_FORCES, ActorRole.PERPETRATOR),
                        new InvolvedActor(TURKEY, ActorRole.TARGET), new InvolvedActor(TURKEY, ActorRole.TARGET)),
                ConflictEventRules.ACTOR_DUPLICATE);
    }

    @Test
    void anActorMayPlaySeveralRoles() {
        expectAccepted(idlibAirstrike().actors(new InvolvedActor(RUSSIA, ActorRole.SUPPORTER),
                new InvolvedActor(RUSSIA, ActorRole.MEDIATOR), new InvolvedActor(TURKEY, ActorRole.TARGET)));
    }

    // --- fatalities

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "-1, -, -", "-, -1, -", "-, -, -1", "-1, 0, 1",
            "5, 4, -", "-, 5, 4", "5, -, 4", "1, 5, 4", "6, 5, 10"})
    void fatalityEstimatesAreNotNegativeAndOrdered(Integer low, Integer best, Integer high) {
        expectViolation(idlibAirstrike().fatalities(low, best, high), ConflictEventRules.FATALITIES_INCONSISTENT);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "0, 0, 0", "-, 34, -", "34, -, -", "-, -, 40", "33, -, 36", "34, 34, 34", "0, 34, 1000"})
    void anyKnownFatalityEstimatesInOrderAreAccepted(Integer low, Integer best, Integer high) {
        expectAccepted(idlibAirstrike().fatalities(low, best, high));
    }

    // --- location

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "35.66, -", "-, 36.47", "90.0001, 0", "-90.5, 0", "0, 180.5", "0, -181", "NaN, 0", "0, NaN",
            "Infinity, 0"})
    void coordinatesAreBothGivenAndOnTheGlobe(Double latitude, Double longitude) {
        expectViolation(idlibAirstrike().coordinates(latitude, longitude, GeoPrecision.EXACT),
                ConflictEventRules.COORDINATES_INVALID);
    }

    @ParameterizedTest
    @CsvSource({"90, 180", "-90, -180", "0, 0", "39.76, 46.75"})
    void coordinatesOnTheEdgesOfTheGlobeAreAccepted(Double latitude, Double longitude) {
        expectAccepted(idlibAirstrike().coordinates(latitude, longitude, GeoPrecision.WATERS));
    }

    @Test
    void coordinatesNeedAGeoPrecision() {
        expectViolation(idlibAirstrike().coordinates(35.66, 36.47, null), ConflictEventRules.GEO_PRECISION_MISSING);
    }

    @Test
    void locationNamesHaveAtMost200Characters() {
        String longest = "N".repeat(200);
        String tooLong = longest + "N";
        expectAccepted(idlibAirstrike().location(new Location(longest, longest, longest, longest, longest,
                null, null, null)));
        List<Location> locations = List.of(
                new Location(tooLong, null, null, null, null, null, null, null),
                new Location(null, tooLong, null, null, null, null, null, null),
                new Location(null, null, tooLong, null, null, null, null, null),
                new Location(null, null, null, tooLong, null, null, null, null),
                new Location(null, null, null, null, tooLong, null, null, null));
        for (Location location : locations) {
            expectViolation(idlibAirstrike().location(location), ConflictEventRules.LOCATION_TEXT_TOO_LONG);
        }
    }

    // --- notes and confidence

    @Test
    void notesHaveAtMost5000Characters() {
        String longest = "n".repeat(5000);
        expectReported(idlibAirstrike().notes(" " + longest + " "), idlibAirstrike().notes(longest));
        expectViolation(idlibAirstrike().notes(longest + "n"), ConflictEventRules.NOTES_TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, -1, 2, Double.NaN, Double.POSITIVE_INFINITY})
    void aConfidenceLiesBetweenZeroAndOne(double confidence) {
        expectViolation(idlibAirstrike().confidence(confidence), ConflictEventRules.CONFIDENCE_OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void aConfidenceFromZeroToOneIsAccepted(double confidence) {
        expectAccepted(idlibAirstrike().confidence(confidence));
    }

    // --- links

    @Test
    void aViolationNamesTheAgreementItBreaks() {
        expectViolation(ceasefireViolation().agreementId(null).term(null),
                ConflictEventRules.VIOLATION_WITHOUT_AGREEMENT);
    }

    @Test
    void anEventThatIsNoViolationMayNameAnAgreementOrNone() {
        expectAccepted(idlibAirstrike().type(ConflictEventType.AGREEMENT_SIGNED).subType(AcledSubType.AGREEMENT)
                .agreementId(US_BROKERED_CEASEFIRE));
        expectAccepted(idlibAirstrike().type(ConflictEventType.CEASEFIRE_DECLARED).subType(AcledSubType.AGREEMENT));
    }

    @Test
    void aTermIsNamedOnlyWithItsAgreement() {
        expectViolation(idlibAirstrike().term("Article 1"), ConflictEventRules.TERM_WITHOUT_AGREEMENT);
    }

    @Test
    void aTermReferenceHasAtMost200Characters() {
        expectAccepted(ceasefireViolation().term("t".repeat(200)));
        expectViolation(ceasefireViolation().term("t".repeat(201)), ConflictEventRules.TERM_TOO_LONG);
    }

    @Test
    void anEventCannotRespondToItself() {
        expectViolation(idlibAirstrike().respondsTo(EVENT), ConflictEventRules.RESPONDS_TO_ITSELF);
    }

    @Test
    void anEventMayRespondToAnother() {
        expectAccepted(idlibAirstrike().respondsTo(OTHER_EVENT));
    }

    // --- sources

    @Test
    void anEventCitesAtMost50Sources() {
        List<Citation> fifty = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> new Citation("Report " + i, null, null, null)).toList();
        expectAccepted(idlibAirstrike().sources(fifty));
        expectViolation(idlibAirstrike().sources(Collections.nCopies(51, SEED)), ConflictEventRules.SOURCES_TOO_MANY);
    }

    @Test
    void everySourceHasATitle() {
        expectViolation(idlibAirstrike().sources(SEED, null), ConflictEventRules.SOURCE_TITLE_MISSING);
        expectViolation(idlibAirstrike().sources(new Citation(null, "Reuters", "https://example.org", null)),
                ConflictEventRules.SOURCE_TITLE_MISSING);
        expectViolation(idlibAirstrike().sources(new Citation(" \t", "Reuters", null, null)),
                ConflictEventRules.SOURCE_TITLE_MISSING);
    }

    @Test
    void aSourceHasATitleAndPublisherOfAtMost200CharactersAndAUrlOfAtMost2000() {
        expectAccepted(idlibAirstrike().sources(new Citation("t".repeat(200), "p".repeat(200),
                "https://example.org/" + "u".repeat(1980), FEB_27_2020)));
        expectViolation(idlibAirstrike().sources(new Citation("t".repeat(201), null, null, null)),
                ConflictEventRules.SOURCE_TEXT_TOO_LONG);
        expectViolation(idlibAirstrike().sources(new Citation("Title", "p".repeat(201), null, null)),
                ConflictEventRules.SOURCE_TEXT_TOO_LONG);
        expectViolation(idlibAirstrike().sources(new Citation("Title", null, "https://example.org/"
                + "u".repeat(1981), null)), ConflictEventRules.SOURCE_TEXT_TOO_LONG);
    }

    // --- external ids

    @Test
    void externalIdsAreShortAndWithoutBlanks() {
        expectAccepted(idlibAirstrike().acledEventId("A".repeat(64)).ucdpGedId("361234"));
        expectViolation(idlibAirstrike().acledEventId("A".repeat(65)), ConflictEventRules.EXTERNAL_ID_INVALID);
        expectViolation(idlibAirstrike().acledEventId("SYR 123"), ConflictEventRules.EXTERNAL_ID_INVALID);
        expectViolation(idlibAirstrike().ucdpGedId("1".repeat(65)), ConflictEventRules.EXTERNAL_ID_INVALID);
        expectViolation(idlibAirstrike().ucdpGedId("36 1234"), ConflictEventRules.EXTERNAL_ID_INVALID);
    }

    @Test
    void everyTheaterCanBeReported() {
        for (Theater theater : Theater.values()) {
            expectAccepted(idlibAirstrike().theater(theater));
        }
    }
}
