package org.conflictledger.actors.domain;

import static org.conflictledger.actors.domain.ActorTestData.DUPLICATE_OF_TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.NOV_10_2020;
import static org.conflictledger.actors.domain.ActorTestData.OTHER_RELATIONSHIP;
import static org.conflictledger.actors.domain.ActorTestData.RELATIONSHIP;
import static org.conflictledger.actors.domain.ActorTestData.RUSSIA;
import static org.conflictledger.actors.domain.ActorTestData.TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.fixture;
import static org.conflictledger.actors.domain.ActorTestData.turkeyRegistered;
import static org.conflictledger.actors.domain.ActorTestData.turkeySupportsAzerbaijan;
import static org.conflictledger.actors.domain.ActorTestData.violates;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The end of an actor's life: merged into a duplicate, or retracted. Either way it accepts no change. */
class MergingAndRetractingAnActorTest {

    private FixtureConfiguration<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** Every command to an existing actor, with the event it produces on an active one. */
    static Stream<Arguments> everyChangeAndItsEvent() {
        return Stream.of(
                arguments(new RenameActor(TURKEY, null, "Republic of Türkiye"),
                        new ActorRenamed(TURKEY, "Turkey", "Republic of Türkiye")),
                arguments(new ChangeActorAliases(TURKEY, null, List.of("Türkiye")),
                        new ActorAliasesChanged(TURKEY, List.of("Türkiye"))),
                arguments(new CorrectActorKind(TURKEY, null, ActorKind.GOVERNMENT),
                        new ActorKindCorrected(TURKEY, ActorKind.STATE, ActorKind.GOVERNMENT)),
                arguments(new CorrectActorCountry(TURKEY, null, "CYP"),
                        new ActorCountryCorrected(TURKEY, "TUR", "CYP")),
                arguments(new DeclareRelationship(TURKEY, null, OTHER_RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA,
                                Theater.SYRIA, null, null, null),
                        new RelationshipDeclared(TURKEY, OTHER_RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA,
                                Theater.SYRIA, null, null, null)),
                arguments(new EndRelationship(TURKEY, null, RELATIONSHIP, NOV_10_2020),
                        new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020)),
                arguments(new MergeActor(TURKEY, null, DUPLICATE_OF_TURKEY),
                        new ActorMerged(TURKEY, DUPLICATE_OF_TURKEY)),
                arguments(new RetractActor(TURKEY, null), new ActorRetracted(TURKEY)));
    }

    static Stream<Object> everyChange() {
        return everyChangeAndItsEvent().map(arguments -> arguments.get()[0]);
    }

    @ParameterizedTest
    @MethodSource("everyChangeAndItsEvent")
    void anActiveActorAcceptsEveryChange(Object command, Object event) {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(event);
    }

    /** Also shows a retracted actor is kept, not deleted: a deleted one could not be loaded to say so. */
    @ParameterizedTest
    @MethodSource("everyChange")
    void aRetractedActorAcceptsNoChange(Object command) {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan(), new ActorRetracted(TURKEY))
                .when(command)
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_RETRACTED));
    }

    @ParameterizedTest
    @MethodSource("everyChange")
    void aMergedActorAcceptsNoChange(Object command) {
        fixture.given(turkeyRegistered(), turkeySupportsAzerbaijan(), new ActorMerged(TURKEY, DUPLICATE_OF_TURKEY))
                .when(command)
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_MERGED));
    }

    @Test
    void aRetractedActorAcceptsNoChangeEvenToItsCurrentValues() {
        fixture.given(turkeyRegistered(), new ActorRetracted(TURKEY))
                .when(new RenameActor(TURKEY, null, "Turkey"))
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_RETRACTED));
    }

    // --- merge

    @Test
    void mergingAnActorRecordsWhereItWent() {
        fixture.given(turkeyRegistered())
                .when(new MergeActor(TURKEY, null, DUPLICATE_OF_TURKEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorMerged(TURKEY, DUPLICATE_OF_TURKEY));
    }

    @Test
    void anActorCannotBeMergedIntoItself() {
        fixture.given(turkeyRegistered())
                .when(new MergeActor(TURKEY, null, TURKEY))
                .expectNoEvents()
                .expectException(violates(ActorRules.MERGE_INTO_ITSELF));
    }

    @Test
    void mergingNeedsATarget() {
        fixture.given(turkeyRegistered())
                .when(new MergeActor(TURKEY, null, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.MERGE_TARGET_MISSING));
    }

    @Test
    void aMergedActorCannotBeMergedAgain() {
        fixture.given(turkeyRegistered(), new ActorMerged(TURKEY, DUPLICATE_OF_TURKEY))
                .when(new MergeActor(TURKEY, null, DUPLICATE_OF_TURKEY))
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_MERGED));
    }

    // --- retract

    @Test
    void retractingAnActorRecordsIt() {
        fixture.given(turkeyRegistered())
                .when(new RetractActor(TURKEY, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorRetracted(TURKEY));
    }

    @Test
    void aRetractedActorCannotBeRetractedAgain() {
        fixture.given(turkeyRegistered(), new ActorRetracted(TURKEY))
                .when(new RetractActor(TURKEY, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_RETRACTED));
    }

    @Test
    void aMergedActorCannotBeRetracted() {
        fixture.given(turkeyRegistered(), new ActorMerged(TURKEY, DUPLICATE_OF_TURKEY))
                .when(new RetractActor(TURKEY, null))
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_MERGED));
    }
}
