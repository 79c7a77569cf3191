package org.conflictledger.events.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The actor replica applies each actor event once, in sequence, and is not stopped by a bad message. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorReplicaTest {
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ActorDirectory directory;

    @Test
    void badMessagesAreSkippedAndLaterActorEventsStillApplyOnceInSequence() throws Exception {
        UUID actorId = UUID.randomUUID();
        String key = "REP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // Same key as the actor: in its partition, before its events, so a stuck consumer would never reach them.
            // Keyed like the actor's events: in their partition and before them, so a consumer stuck on a
            // bad message would never reach them.
            send(producer, actorId.toString(), "not json at all".getBytes(StandardCharsets.UTF_8));
            send(producer, actorId.toString(), "{\"type\": \"ledger.actor.registered.v1\", \"subject\": \"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8));
            send(producer, actorId.toString(), event(actorId, "ledger.actor.registered.v1", 0,
                    "{\"actorId\": \"" + actorId + "\", \"key\": \"" + key + "\", \"name\": \"Egypt\", \"kind\": \"STATE\", \"aliases\": [\"Misr\"]}"));
            send(producer, actorId.toString(), event(actorId, "ledger.actor.renamed.v1", 1,
                    "{\"actorId\": \"" + actorId + "\", \"previousName\": \"Egypt\", \"name\": \"Arab Republic of Egypt\"}"));
            // A replay of the registration (sequence 0) must not undo the rename.
            send(producer, actorId.toString(), event(actorId, "ledger.actor.registered.v1", 0,
                    "{\"actorId\": \"" + actorId + "\", \"key\": \"" + key + "\", \"name\": \"Egypt\", \"kind\": \"STATE\", \"aliases\": []}"));
            send(producer, actorId.toString(), event(actorId, "ledger.actor.retracted.v1", 2,
                    "{\"actorId\": \"" + actorId + "\"}"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                directory.byId(actorId).map(ActorRef::status).orElse("").equals("RETRACTED"));
        ActorRef actor = directory.byId(actorId).orElseThrow();
        assertThat(actor.name()).isEqualTo("Arab Republic of Egypt");
        assertThat(actor.key()).isEqualTo(key);
        assertThat(directory.byReference("misr")).map(ActorRef::id).contains(actorId);
    }

    @Test
    void theReplicaKnowsActorsByTheirIdsInOtherDatasetsAsTheyAreAddedAndRemoved() throws Exception {
        UUID turkey = UUID.randomUUID();
        UUID syria = UUID.randomUUID();
        String acledName = "Military Forces of Turkey (2016-) " + turkey;
        String ucdpId = String.valueOf(Math.floorMod(syria.getLeastSignificantBits(), 1_000_000_000L) + 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (UUID actorId : List.of(turkey, syria)) {
                String key = "XID" + actorId.toString().substring(0, 8).toUpperCase();
                send(producer, actorId.toString(), event(actorId, "ledger.actor.registered.v1", 0,
                        "{\"actorId\": \"" + actorId + "\", \"key\": \"" + key + "\", \"name\": \"State " + actorId
                                + "\", \"kind\": \"STATE\", \"aliases\": []}"));
                send(producer, actorId.toString(), event(actorId, "ledger.actor.external-id-added.v1", 1,
                        "{\"actorId\": \"" + actorId + "\", \"scheme\": \"acled-interaction\", \"value\": \"1\"}"));
            }
            send(producer, turkey.toString(), event(turkey, "ledger.actor.external-id-added.v1", 2,
                    "{\"actorId\": \"" + turkey + "\", \"scheme\": \"acled\", \"value\": \"" + acledName + "\"}"));
            send(producer, syria.toString(), event(syria, "ledger.actor.external-id-added.v1", 2,
                    "{\"actorId\": \"" + syria + "\", \"scheme\": \"ucdp\", \"value\": \"" + ucdpId + "\"}"));
        }
        // Each actor's last event applied, so both classifications are in.
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byExternalId("acled", acledName).isPresent()
                && directory.byExternalId("ucdp", ucdpId).isPresent());
        assertThat(directory.byExternalId("acled", acledName)).map(ActorRef::id).contains(turkey);
        // A classification many actors share names none of them.
        assertThat(directory.byExternalId("acled-interaction", "1")).isEmpty();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, turkey.toString(), event(turkey, "ledger.actor.external-id-removed.v1", 3,
                    "{\"actorId\": \"" + turkey + "\", \"scheme\": \"acled\", \"value\": \"" + acledName + "\"}"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byExternalId("acled", acledName).isEmpty());
    }

    @Test
    void anEventTheReplicaCannotPlaceIsParkedNotDropped() throws Exception {
        UUID unknown = UUID.randomUUID();
        UUID known = UUID.randomUUID();
        String key = "GAP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        byte[] renameOfUnknown = event(unknown, "ledger.actor.renamed.v1", 1,
                "{\"actorId\": \"" + unknown + "\", \"previousName\": \"A\", \"name\": \"B\"}");
        byte[] afterAGap = event(known, "ledger.actor.renamed.v1", 3,
                "{\"actorId\": \"" + known + "\", \"previousName\": \"Libya\", \"name\": \"State of Libya\"}");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, unknown.toString(), renameOfUnknown);
            send(producer, known.toString(), event(known, "ledger.actor.registered.v1", 0,
                    "{\"actorId\": \"" + known + "\", \"key\": \"" + key + "\", \"name\": \"Libya\", \"kind\": \"STATE\", \"aliases\": []}"));
            send(producer, known.toString(), afterAGap);
        }
        String renameId = json.readTree(renameOfUnknown).get("id").asText();
        String gapId = json.readTree(afterAGap).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> parked = io.restassured.RestAssured.given().queryParam("limit", 500)
                    .get("/api/v1/events/admin/parked").then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(parked).anySatisfy(p -> assertThat(p.toString()).contains(renameId).contains("not seen registered"));
            assertThat(parked).anySatisfy(p -> assertThat(p.toString()).contains(gapId).contains("are missing"));
        });
        assertThat(directory.byId(known).map(ActorRef::name)).contains("Libya");
    }

    private byte[] event(UUID actorId, String type, long sequence, String data) throws Exception {
        var event = json.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/conflict-ledger/actors-service").put("type", type)
                .put("subject", actorId.toString()).put("time", Instant.now().toString()).put("sequence", sequence);
        event.set("data", json.readTree(data));
        return json.writeValueAsBytes(event);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ACTORS, key, value)).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
