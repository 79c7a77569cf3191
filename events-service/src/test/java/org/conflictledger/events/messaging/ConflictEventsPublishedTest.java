package org.conflictledger.events.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.actorreplica.ActorDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Conflict events reach ledger.events.v1 as CloudEvents, once each, in order; the replica tolerates replays. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventsPublishedTest {
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ActorDirectory directory;

    @Test
    void reportCorrectAndRetractArriveOnTheTopicOnceEachInOrder() throws Exception {
        String key = "PUB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        byte[] registered = registered(key);
        publishActorEvent(key, registered);
        publishActorEvent(key, registered); // a redelivery must change nothing
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(key).isPresent());

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.EVENTS));
            String id = given().contentType(ContentType.JSON)
                    .body("{\"theater\": \"SYRIA\", \"type\": \"EXPLOSION_REMOTE_VIOLENCE\", \"subType\": \"AIR_DRONE_STRIKE\","
                            + " \"date\": \"2020-02-27\", \"actors\": [{\"actor\": \"" + key + "\", \"role\": \"PERPETRATOR\"}],"
                            + " \"fatalities\": {\"best\": 34}, \"notes\": \"Idlib airstrike\"}")
                    .post("/api/v1/events").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body("{\"notes\": \"Idlib airstrike killing 34 Turkish soldiers\", \"reason\": \"detail\"}")
                    .post("/api/v1/events/" + id + "/corrections").then().statusCode(200);
            given().contentType(ContentType.JSON).body("{\"reason\": \"test\"}")
                    .post("/api/v1/events/" + id + "/retract").then().statusCode(200);

            List<JsonNode> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                collect(consumer, id, mine);
                return mine.size() >= 3;
            });
            for (int i = 0; i < 10; i++) {
                collect(consumer, id, mine);
            }
            assertThat(mine).extracting(e -> e.get("type").asText())
                    .containsExactly(ConflictEventTypes.REPORTED, ConflictEventTypes.CORRECTED, ConflictEventTypes.RETRACTED);
            assertThat(mine.get(0).get("source").asText()).isEqualTo("/conflict-ledger/events-service");
            assertThat(mine.get(0).get("data").get("details").get("theater").asText()).isEqualTo("SYRIA");
            assertThat(mine.get(1).get("reason").asText()).isEqualTo("detail");
        }
    }

    @Test
    void aChangeTooLargeToPublishIsRefusedBeforeItIsStoredAndLaterEventsStillArrive() throws Exception {
        String key = "BIG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        publishActorEvent(key, registered(key));
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(key).isPresent());
        // Within every field's limit, and under 1 MB as a request: but control characters are escaped six-fold when
        // published, and the sources travel twice (the record's and the audit metadata's).
        String control = "\\u0001";
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sources.append(i == 0 ? "" : ", ").append("{\"title\": \"").append(control.repeat(200))
                    .append("\", \"publisher\": \"").append(control.repeat(200))
                    .append("\", \"url\": \"https://example.org/").append(control.repeat(1980)).append("\"}");
        }
        String report = "{\"theater\": \"SYRIA\", \"type\": \"BATTLE\", \"date\": \"2020-02-27\","
                + " \"actors\": [{\"actor\": \"" + key + "\", \"role\": \"PERPETRATOR\"}], \"sources\": [" + sources + "]}";
        int before = given().get("/api/v1/events?limit=500").then().statusCode(200).extract().path("items.size()");

        given().contentType(ContentType.JSON).body(report).post("/api/v1/events").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("change-too-large"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 1000000"));

        given().get("/api/v1/events?limit=500").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(before));
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.EVENTS));
            String id = given().contentType(ContentType.JSON)
                    .body("{\"theater\": \"SYRIA\", \"type\": \"BATTLE\", \"date\": \"2020-02-28\","
                            + " \"actors\": [{\"actor\": \"" + key + "\", \"role\": \"PERPETRATOR\"}]}")
                    .post("/api/v1/events").then().statusCode(201).extract().path("id");
            List<JsonNode> mine = new ArrayList<>();
            await("the next event is published: the outbox is not held back").atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        collect(consumer, id, mine);
                        return !mine.isEmpty();
                    });
        }
    }

    private void collect(KafkaConsumer<String, byte[]> consumer, String id, List<JsonNode> into) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (id.equals(record.key())) {
                try {
                    into.add(json.readTree(record.value()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private byte[] registered(String key) throws Exception {
        UUID actorId = UUID.randomUUID();
        var data = json.createObjectNode().put("actorId", actorId.toString()).put("key", key).put("name", "Russia")
                .put("kind", "STATE");
        data.putArray("aliases");
        var event = json.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/conflict-ledger/actors-service").put("type", "ledger.actor.registered.v1")
                .put("subject", actorId.toString()).put("time", Instant.now().toString()).put("sequence", 0);
        event.set("data", data);
        return json.writeValueAsBytes(event);
    }

    private static void publishActorEvent(String key, byte[] value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.ACTORS, key, value)).get();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
