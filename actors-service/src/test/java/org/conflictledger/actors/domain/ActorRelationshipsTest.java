package org.conflictledger.actors.domain;

import static org.conflictledger.actors.domain.ActorTestData.AZERBAIJAN;
import static org.conflictledger.actors.domain.ActorTestData.NOV_10_2020;
import static org.conflictledger.actors.domain.ActorTestData.OTHER_RELATIONSHIP;
import static org.conflictledger.actors.domain.ActorTestData.RELATIONSHIP;
import static org.conflictledger.actors.domain.ActorTestData.RUSSIA;
import static org.conflictledger.actors.domain.ActorTestData.SEPT_27_2020;
import static org.conflictledger.actors.domain.ActorTestData.TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.declareSupportOfAzerbaijan;
import static org.conflictledger.actors.domain.ActorTestData.fixture;
import static org.conflictledger.actors.domain.ActorTestData.turkeyRegistered;
import static org.conflictledger.actors.domain.ActorTestData.turkeySupportsAzerbaijan;
import static org.conflictledger.actors.domain.ActorTestData.violates;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Declaring and ending relationships. */
class ActorRelationshipsTest {

    private static final LocalDate JAN_1_2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate SEPT_26_2020 = SEPT_27_2020.minusDays(1);

    private FixtureConfiguration<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static DeclareRelationship declare(UUID relationshipId, RelationshipKind kind, UUID counterpartId,
                                               Theater theater, LocalDate from, LocalDate until, Double confidence) {
        return new DeclareRelationship(TURKEY, null, relationshipId, kind, counterpartId, theater, from, until,
                confidence);
    }

    private static DeclareRelationship declareSupport(LocalDate from, LocalDate until, Double confidence) {
        return declare(RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN, Theater.NAGORNO_KARABAKH, from, until,
                confidence);
    }

    // --- declaring

    @Test
    void declaringARelationshipRecordsIt() {
        fixture.given(turkeyRegistered())
                .when(declareSupportOfAzerbaijan(RELATIONSHIP))
                .expectSuccessfulHandlerExecution()
                .expectEvents(turkeySupportsAzerbaijan());
    }

    @Test
    void aRelationshipMayHaveAClosedPeriodAnUnknownStartNoTheaterAndNoConfidence() {
        fixture.given(turkeyRegistered())
                .when(declare(RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA, null, null, NOV_10_2020, null))
                .expectEvents(new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA, null,
                        null, NOV_10_2020, null));
    }

    @Test
    void aRelationshipMayStartAndEndOnTheSameDay() {
        fixture.given(turkeyRegistered())
                .when(declareSupport(SEPT_27_2020, SEPT_27_2020, null))
                .expectEvents(new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN,
                        Theater.NAGORNO_KARABAKH, SEPT_27_2020, SEPT_27_2020, null));
    }

    @Test
    void aRelationshipNeedsAnIdAKindAndACounterpart() {
        fixture.given(turkeyRegistered())
                .when(declare(null, RelationshipKind.SUPPORTS, AZERBAIJAN, Theater.NAGORNO_KARABAKH, null, null, null))
                .expectNoEvents().expectException(violates(ActorRules.RELATIONSHIP_INCOMPLETE));
        fixture.given(turkeyRegistered())
                .when(declare(RELATIONSHIP, null, AZERBAIJAN, Theater.NAGORNO_KARABAKH, null, null, null))
                .expectNoEvents().expectException(violates(ActorRules.RELATIONSHIP_INCOMPLETE));
        fixture.given(turkeyRegistered())
                .when(declare(RELATIONSHIP, RelationshipKind.SUPPORTS, null, Theater.NAGORNO_KARABAKH, null, null,
                        null))
                .expectNoEvents().expectException(violates(ActorRules.RELATIONSHIP_INCOMPLETE));
    }

    @Test
    void anActorCannotHaveARelationshipWithItself() {
        fixture.given(turkeyRegistered())
                .when(declare(RELATIONSHIP, RelationshipKind.SUPPORTS, TURKEY, Theater.SYRIA, null, null, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_WITH_ITSELF));
    }

    @Test
    void aRelationshipCannotEndBeforeItStarts() {
        fixture.given(turkeyRegistered())
                .when(declareSupport(SEPT_27_2020, SEPT_26_2020, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_PERIOD_INVALID));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, -1, 2, Double.NaN, Double.POSITIVE_INFINITY})
    void aConfidenceLiesBetweenZeroAndOne(double confidence) {
        fixture.given(turkeyRegistered())
                .when(declareSupport(SEPT_27_2020, null, confidence))
                .expectNoEvents()
                .expectException(violates(ActorRules.CONFIDENCE_OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 1})
    void confidencesFromZeroToOneAreAccepted(double confidence) {
        fixture.given(turkeyRegistered())
                .when(declareSupport(SEPT_27_2020, null, confidence))
                .expectEvents(new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN,
                        Theater.NAGORNO_KARABAKH, SEPT_27_2020, null, confidence));
    }

    @Test
    void aRelationshipIdIsUsedOnlyOnce() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA, Theater.SYRIA, null, null, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_EXISTS));
    }

    @Test
    void aRelationshipIdIsUsedOnlyOnceEvenAfterTheRelationshipEnded() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan(),
                        new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020))
                .when(declare(RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA, Theater.SYRIA, null, null, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_EXISTS));
    }

    @Test
    void theSameOpenRelationshipCannotBeDeclaredTwice() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN, Theater.NAGORNO_KARABAKH,
                        NOV_10_2020, null, 0.5))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_DUPLICATE));
    }

    @Test
    void theSameOpenRelationshipWithoutATheaterCannotBeDeclaredTwice() {
        fixture.given(turkeyRegistered(), new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.SANCTIONS,
                        RUSSIA, null, null, null, null))
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.SANCTIONS, RUSSIA, null, null, null, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_DUPLICATE));
    }

    @Test
    void aRelationshipCanBeDeclaredAgainOnceItEnded() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan(),
                        new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020))
                .when(declareSupportOfAzerbaijan(OTHER_RELATIONSHIP))
                .expectEvents(new RelationshipDeclared(TURKEY, OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS,
                        AZERBAIJAN, Theater.NAGORNO_KARABAKH, SEPT_27_2020, null, 0.9));
    }

    @Test
    void anEarlierClosedPeriodOfAnOpenRelationshipCanBeDeclared() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN, Theater.NAGORNO_KARABAKH,
                        JAN_1_2020, LocalDate.of(2020, 4, 1), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RelationshipDeclared(TURKEY, OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS,
                        AZERBAIJAN, Theater.NAGORNO_KARABAKH, JAN_1_2020, LocalDate.of(2020, 4, 1), null));
    }

    @Test
    void anOpenRelationshipCanFollowAClosedPeriodOfTheSameRelationship() {
        fixture.given(turkeyRegistered(), new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.SUPPORTS,
                        AZERBAIJAN, Theater.NAGORNO_KARABAKH, JAN_1_2020, SEPT_26_2020, null))
                .when(declareSupportOfAzerbaijan(OTHER_RELATIONSHIP))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RelationshipDeclared(TURKEY, OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS,
                        AZERBAIJAN, Theater.NAGORNO_KARABAKH, SEPT_27_2020, null, 0.9));
    }

    @Test
    void relationshipsThatDifferInKindCounterpartOrTheaterAreNotDuplicates() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.ALLIED_WITH, AZERBAIJAN, Theater.NAGORNO_KARABAKH,
                        null, null, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS, RUSSIA, Theater.NAGORNO_KARABAKH,
                        null, null, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN, Theater.SOUTH_CAUCASUS,
                        null, null, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(declare(OTHER_RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN, null, null, null, null))
                .expectSuccessfulHandlerExecution();
    }

    // --- ending

    @Test
    void endingARelationshipRecordsTheDate() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, NOV_10_2020))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020));
    }

    @Test
    void aRelationshipMayEndOnTheDayItStarted() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, SEPT_27_2020))
                .expectEvents(new RelationshipEnded(TURKEY, RELATIONSHIP, SEPT_27_2020));
    }

    @Test
    void aRelationshipDeclaredWithAnEndDateCanStillBeEnded() {
        fixture.given(turkeyRegistered(), new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.SUPPORTS,
                        AZERBAIJAN, Theater.NAGORNO_KARABAKH, SEPT_27_2020, NOV_10_2020, null))
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, LocalDate.of(2020, 11, 9)))
                .expectEvents(new RelationshipEnded(TURKEY, RELATIONSHIP, LocalDate.of(2020, 11, 9)));
    }

    @Test
    void aRelationshipWithAnUnknownStartCanEndAnyDay() {
        fixture.given(turkeyRegistered(), new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.OPPOSES,
                        RUSSIA, Theater.SYRIA, null, null, null))
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, LocalDate.of(1900, 1, 1)))
                .expectEvents(new RelationshipEnded(TURKEY, RELATIONSHIP, LocalDate.of(1900, 1, 1)));
    }

    @Test
    void onlyAnExistingRelationshipCanBeEnded() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(new EndRelationship(TURKEY, null, OTHER_RELATIONSHIP, NOV_10_2020))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_UNKNOWN));
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(new EndRelationship(TURKEY, null, null, NOV_10_2020))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_UNKNOWN));
    }

    @Test
    void aRelationshipEndsOnlyOnce() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan(),
                        new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020))
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, NOV_10_2020.plusDays(1)))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_ENDED));
    }

    @Test
    void aRelationshipCannotEndBeforeItStarted() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, SEPT_26_2020))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_PERIOD_INVALID));
    }

    @Test
    void endingARelationshipNeedsADate() {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(new EndRelationship(TURKEY, null, RELATIONSHIP, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.RELATIONSHIP_PERIOD_INVALID));
    }
}
