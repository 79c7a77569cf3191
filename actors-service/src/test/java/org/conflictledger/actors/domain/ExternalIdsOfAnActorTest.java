package org.conflictledger.actors.domain;

import static org.conflictledger.actors.domain.ActorTestData.TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.fixture;
import static org.conflictledger.actors.domain.ActorTestData.turkeyRegistered;
import static org.conflictledger.actors.domain.ActorTestData.violates;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ExternalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifiers an actor has in other datasets, added and removed as changes of the record. */
class ExternalIdsOfAnActorTest {
    private static final ExternalId WIKIDATA = new ExternalId("wikidata", "Q43");

    private FixtureConfiguration<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void anAddedIdIsRecorded() {
        fixture.given(turkeyRegistered())
                .when(new AddActorExternalId(TURKEY, null, WIKIDATA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"));
    }

    @Test
    void addingAnIdTheActorHasChangesNothing() {
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"))
                .when(new AddActorExternalId(TURKEY, null, WIKIDATA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anActorMayHaveSeveralIdsOfOneScheme() {
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "acled", "Military Forces of Turkey (2016-)"))
                .when(new AddActorExternalId(TURKEY, null, new ExternalId("acled", "Government of Turkey (2016-)")))
                .expectEvents(new ActorExternalIdAdded(TURKEY, "acled", "Government of Turkey (2016-)"));
    }

    @ParameterizedTest
    @CsvSource({"wikidata,43", "wikidata,Q043", "ucdp,abc", "acled-interaction,9", "Wiki,Q43", "w,Q43",
            "acled,' padded'", "free-scheme,''", "acled,'nul\u0000inside'", "acled,'no-break space\u00a0'"})
    void anIdOfTheWrongShapeIsRefused(String scheme, String value) {
        fixture.given(turkeyRegistered())
                .when(new AddActorExternalId(TURKEY, null, new ExternalId(scheme, value)))
                .expectNoEvents()
                .expectException(violates(ActorRules.EXTERNAL_ID_INVALID));
    }

    @Test
    void aRemovedIdIsRecordedAndCanBeAddedAgain() {
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"))
                .when(new RemoveActorExternalId(TURKEY, null, WIKIDATA))
                .expectEvents(new ActorExternalIdRemoved(TURKEY, "wikidata", "Q43"));
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"),
                        new ActorExternalIdRemoved(TURKEY, "wikidata", "Q43"))
                .when(new AddActorExternalId(TURKEY, null, WIKIDATA))
                .expectEvents(new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"));
    }

    @Test
    void removingAnIdTheActorDoesNotHaveIsRefused() {
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"))
                .when(new RemoveActorExternalId(TURKEY, null, new ExternalId("wikidata", "Q44")))
                .expectNoEvents()
                .expectException(violates(ActorRules.EXTERNAL_ID_NOT_HELD));
    }

    @Test
    void anActorHasAtMostFiftyIds() {
        List<Object> history = new ArrayList<>(List.of(turkeyRegistered()));
        for (int i = 1; i <= ActorRules.MAX_EXTERNAL_IDS; i++) {
            history.add(new ActorExternalIdAdded(TURKEY, "ucdp", String.valueOf(i)));
        }
        fixture.given(history)
                .when(new AddActorExternalId(TURKEY, null, new ExternalId("ucdp", "51")))
                .expectNoEvents()
                .expectException(violates(ActorRules.EXTERNAL_IDS_TOO_MANY));
    }

    @Test
    void aMergedOrRetractedActorGivesUpItsIdsSoThatAnotherMayTakeThem() {
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"),
                        new ActorExternalIdAdded(TURKEY, "acled-interaction", "1"))
                .when(new MergeActor(TURKEY, null, ActorTestData.DUPLICATE_OF_TURKEY))
                .expectEvents(new ActorExternalIdRemoved(TURKEY, "wikidata", "Q43"),
                        new ActorExternalIdRemoved(TURKEY, "acled-interaction", "1"),
                        new ActorMerged(TURKEY, ActorTestData.DUPLICATE_OF_TURKEY));
        fixture.given(turkeyRegistered(), new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"))
                .when(new RetractActor(TURKEY, null))
                .expectEvents(new ActorExternalIdRemoved(TURKEY, "wikidata", "Q43"), new ActorRetracted(TURKEY));
    }

    @Test
    void aRetractedActorTakesNoNewId() {
        fixture.given(turkeyRegistered(), new ActorRetracted(TURKEY))
                .when(new AddActorExternalId(TURKEY, null, WIKIDATA))
                .expectNoEvents()
                .expectException(violates(ActorRules.ACTOR_RETRACTED));
    }
}
