package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.ConflictEventTestData.EVENT;
import static org.conflictledger.events.domain.ConflictEventTestData.airstrikeReported;
import static org.conflictledger.events.domain.DetailsBuilder.ceasefireViolation;
import static org.conflictledger.events.domain.DetailsBuilder.idlibAirstrike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.DatePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Without a fixture: a {@link ConflictEvent} survives a Jackson round trip (what a snapshot is),
 * and so does every event.
 */
class ConflictEventJsonTest {

    /** A bare mapper with Java time, and one with every module on the classpath (as Quarkus configures it). */
    static Stream<ObjectMapper> mappers() {
        return Stream.of(
                new ObjectMapper().registerModule(new JavaTimeModule()),
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    private static ConflictEventDetails correctedDetails() {
        return ceasefireViolation().endDate(LocalDate.of(2020, 10, 27)).datePrecision(DatePrecision.WEEK)
                .fatalities(null, 3, null).confidence(0.5).respondsTo(ConflictEventTestData.OTHER_EVENT)
                .ucdpGedId("361234").build();
    }

    /** The airstrike, corrected into every kind of field, then disputed. */
    private static ConflictEvent eventBuiltFromEvents() {
        ConflictEvent event = new ConflictEvent();
        event.on(airstrikeReported());
        event.on(new ConflictEventConfirmed(EVENT));
        event.on(new ConflictEventCorrected(EVENT, correctedDetails(), List.of("anything")));
        event.on(new ConflictEventDisputed(EVENT));
        return event;
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void anEventReadBackFromJsonHasTheSameState(ObjectMapper mapper) throws Exception {
        String json = mapper.writeValueAsString(eventBuiltFromEvents());

        ConflictEvent readBack = mapper.readValue(json, ConflictEvent.class);

        assertEquals(json, mapper.writeValueAsString(readBack));
        JsonNode tree = mapper.readTree(json);
        assertEquals(EVENT.toString(), tree.path("eventId").asText(), json);
        assertEquals("DISPUTED", tree.path("status").asText(), json);
        assertEquals("CEASEFIRE_VIOLATION", tree.path("details").path("type").asText(), json);
        assertEquals("SHELLING_ARTILLERY_MISSILE_ATTACK", tree.path("details").path("subType").asText(), json);
        assertEquals(2, tree.path("details").path("actors").size(), json);
        assertEquals(3, tree.path("details").path("fatalities").path("best").asInt(), json);
        assertTrue(tree.path("details").path("location").isNull(), json);
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void aRetractedEventReadBackFromJsonIsStillRetracted(ObjectMapper mapper) throws Exception {
        ConflictEvent event = new ConflictEvent();
        event.on(airstrikeReported());
        event.on(new ConflictEventRetracted(EVENT));
        String json = mapper.writeValueAsString(event);

        String again = mapper.writeValueAsString(mapper.readValue(json, ConflictEvent.class));

        assertEquals(json, again);
        assertEquals("RETRACTED", mapper.readTree(again).path("status").asText(), again);
    }

    static Stream<Object> everyEvent() {
        return Stream.of(
                airstrikeReported(),
                new ConflictEventReported(EVENT, ceasefireViolation().build()),
                new ConflictEventCorrected(EVENT, correctedDetails(), List.of("datePrecision", "endDate")),
                new ConflictEventCorrected(EVENT, idlibAirstrike().location(null).fatalities(null).build(), List.of()),
                new ConflictEventConfirmed(EVENT),
                new ConflictEventDisputed(EVENT),
                new ConflictEventRetracted(EVENT));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventIsReadBackFromJsonEqualAndHasARevision(Object event) throws Exception {
        for (ObjectMapper mapper : mappers().toList()) {
            String json = mapper.writeValueAsString(event);
            assertEquals(event, mapper.readValue(json, event.getClass()), json);
            assertTrue(mapper.readTree(json).has("eventId"), json);
        }
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertNotNull(revision, event.getClass() + " has no @Revision");
        assertEquals("1", revision.value());
    }
}
