package org.conflictledger.actors.domain;

import static org.conflictledger.actors.domain.ActorTestData.AZERBAIJAN;
import static org.conflictledger.actors.domain.ActorTestData.DUPLICATE_OF_TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.NOV_10_2020;
import static org.conflictledger.actors.domain.ActorTestData.OTHER_RELATIONSHIP;
import static org.conflictledger.actors.domain.ActorTestData.RELATIONSHIP;
import static org.conflictledger.actors.domain.ActorTestData.RUSSIA;
import static org.conflictledger.actors.domain.ActorTestData.SEPT_27_2020;
import static org.conflictledger.actors.domain.ActorTestData.TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.turkeyRegistered;
import static org.conflictledger.actors.domain.ActorTestData.turkeySupportsAzerbaijan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Without a fixture: an {@link Actor} survives a Jackson round trip (what a snapshot is), and so
 * does every event.
 */
class ActorJsonTest {

    /** A bare mapper with Java time, and one with every module on the classpath (as Quarkus configures it). */
    static Stream<ObjectMapper> mappers() {
        return Stream.of(
                new ObjectMapper().registerModule(new JavaTimeModule()),
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    /** Turkey with every kind of state: renamed, aliases, corrections, open and ended relationships, merged. */
    private static Actor actorBuiltFromEvents() {
        Actor actor = new Actor();
        actor.on(turkeyRegistered());
        actor.on(new ActorRenamed(TURKEY, "Turkey", "Türkiye"));
        actor.on(new ActorAliasesChanged(TURKEY, List.of("Turkey", "Republic of Türkiye")));
        actor.on(new ActorKindCorrected(TURKEY, ActorKind.STATE, ActorKind.GOVERNMENT));
        actor.on(new ActorCountryCorrected(TURKEY, "TUR", null));
        actor.on(new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"));
        actor.on(new ActorExternalIdAdded(TURKEY, "acled", "Military Forces of Turkey (2016-)"));
        actor.on(turkeySupportsAzerbaijan());
        actor.on(new RelationshipDeclared(TURKEY, OTHER_RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA, Theater.SYRIA,
                null, null, null));
        actor.on(new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020));
        actor.on(new ActorMerged(TURKEY, DUPLICATE_OF_TURKEY));
        return actor;
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void anActorReadBackFromJsonHasTheSameState(ObjectMapper mapper) throws Exception {
        Actor actor = actorBuiltFromEvents();
        String json = mapper.writeValueAsString(actor);

        Actor readBack = mapper.readValue(json, Actor.class);

        assertEquals(json, mapper.writeValueAsString(readBack));
        JsonNode tree = mapper.readTree(json);
        assertEquals(TURKEY.toString(), tree.path("actorId").asText());
        assertEquals("Türkiye", tree.path("name").asText());
        assertEquals(2, tree.path("aliases").size());
        assertTrue(tree.path("country").isNull());
        assertEquals(DUPLICATE_OF_TURKEY.toString(), tree.path("mergedInto").asText());
        JsonNode ended = tree.path("relationships").path(RELATIONSHIP.toString());
        assertTrue(ended.path("ended").asBoolean(), json);
        assertNotNull(ended.get("validUntil"), json);
        assertEquals(2, tree.path("relationships").size(), json);
        assertEquals("Q43", tree.path("externalIds").path(0).path("value").asText(), json);
        assertEquals(2, tree.path("externalIds").size(), json);
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void aRetractedActorReadBackFromJsonIsStillRetracted(ObjectMapper mapper) throws Exception {
        Actor actor = new Actor();
        actor.on(turkeyRegistered());
        actor.on(new ActorRetracted(TURKEY));
        String json = mapper.writeValueAsString(actor);

        String again = mapper.writeValueAsString(mapper.readValue(json, Actor.class));

        assertEquals(json, again);
        assertTrue(mapper.readTree(again).path("retracted").asBoolean(), again);
    }

    static Stream<Object> everyEvent() {
        return Stream.of(
                turkeyRegistered(),
                new ActorRegistered(TURKEY, "ERDOGAN", "Recep Tayyip Erdoğan", ActorKind.LEADER, List.of(), null, "TUR"),
                new ActorRenamed(TURKEY, "Turkey", "Türkiye"),
                new ActorAliasesChanged(TURKEY, List.of("Turkey")),
                new ActorKindCorrected(TURKEY, ActorKind.STATE, ActorKind.GOVERNMENT),
                new ActorCountryCorrected(TURKEY, "TUR", null),
                new ActorExternalIdAdded(TURKEY, "wikidata", "Q43"),
                new ActorExternalIdRemoved(TURKEY, "acled", "Military Forces of Turkey (2016-)"),
                turkeySupportsAzerbaijan(),
                new RelationshipDeclared(TURKEY, OTHER_RELATIONSHIP, RelationshipKind.OPPOSES, RUSSIA, null, null,
                        SEPT_27_2020, null),
                new RelationshipEnded(TURKEY, RELATIONSHIP, NOV_10_2020),
                new ActorMerged(TURKEY, AZERBAIJAN),
                new ActorRetracted(TURKEY));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventIsReadBackFromJsonEqualAndHasARevision(Object event) throws Exception {
        for (ObjectMapper mapper : mappers().toList()) {
            String json = mapper.writeValueAsString(event);
            assertEquals(event, mapper.readValue(json, event.getClass()), json);
            assertTrue(mapper.readTree(json).has("actorId"), json);
        }
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertNotNull(revision, event.getClass() + " has no @Revision");
        assertEquals("1", revision.value());
    }
}
