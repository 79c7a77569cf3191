package org.conflictledger.actors.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox publishes every stored actor event to ledger.actors.v1 as a CloudEvent, once, in order. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorEventsPublishedTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSequenceOfWritesArrivesOnTheTopicOnceEachInOrder() throws IOException {
        String key = "PUB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ACTORS));
            String id = given().contentType(ContentType.JSON).header("X-Ledger-Principal", "editor@example.org")
                    .body("{\"key\": \"" + key + "\", \"name\": \"Turkish-backed Syrian opposition\", \"kind\": \"ARMED_GROUP\","
                            + " \"reason\": \"seed\", \"sources\": [{\"title\": \"Seed document\"}]}")
                    .post("/api/v1/actors").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body("{\"name\": \"Syrian National Army\", \"reason\": \"renamed 2019\"}")
                    .post("/api/v1/actors/" + id + "/rename").then().statusCode(200);
            given().contentType(ContentType.JSON).body("{\"aliases\": [\"SNA\", \"TFSA\"]}")
                    .put("/api/v1/actors/" + id + "/aliases").then().statusCode(200);

            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 3;
            });
            // Anything published twice would arrive within a few more polls.
            for (int i = 0; i < 10; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
            }

            assertThat(mine).hasSize(3);
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : mine) {
                events.add(json.readTree(record.value()));
                assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                        .isEqualTo("application/cloudevents+json");
            }
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                    ActorEventTypes.REGISTERED, ActorEventTypes.RENAMED, ActorEventTypes.ALIASES_CHANGED);
            assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
            assertThat(events).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
            JsonNode registered = events.get(0);
            assertThat(registered.get("specversion").asText()).isEqualTo("1.0");
            assertThat(registered.get("source").asText()).isEqualTo("/conflict-ledger/actors-service");
            assertThat(registered.get("subject").asText()).isEqualTo(id);
            assertThat(registered.get("time").asText()).isNotBlank();
            assertThat(registered.get("principal").asText()).isEqualTo("editor@example.org");
            assertThat(registered.get("reason").asText()).isEqualTo("seed");
            assertThat(json.readTree(registered.get("sources").asText()).get(0).get("title").asText()).isEqualTo("Seed document");
            assertThat(registered.get("hash").asText()).hasSize(64);
            assertThat(registered.get("data").get("key").asText()).isEqualTo(key);
            assertThat(events.get(1).get("data").get("name").asText()).isEqualTo("Syrian National Army");
            assertThat(events.get(1).get("correlationid").asText()).isNotEqualTo(registered.get("correlationid").asText());

            String historyIds = given().get("/api/v1/actors/" + id + "/history").then().extract().path("items.eventId").toString();
            events.forEach(e -> assertThat(historyIds).contains(e.get("id").asText()));
        }
    }

    @Test
    void aRepublishSendsEveryStoredEventAgainInOrderWithItsOriginalId() throws IOException {
        String key = "REP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ACTORS));
            String id = given().contentType(ContentType.JSON)
                    .body("{\"key\": \"" + key + "\", \"name\": \"Republished\", \"kind\": \"STATE\"}")
                    .post("/api/v1/actors").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body("{\"name\": \"Republished twice\"}")
                    .post("/api/v1/actors/" + id + "/rename").then().statusCode(200);
            List<JsonNode> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> collect(consumer, id, mine) >= 2);

            given().post("/api/v1/actors/admin/topic/republish").then().statusCode(202)
                    .body("topic", org.hamcrest.Matchers.equalTo(Topics.ACTORS))
                    .body("events", org.hamcrest.Matchers.greaterThanOrEqualTo(2));

            await().atMost(Duration.ofSeconds(60)).until(() -> collect(consumer, id, mine) >= 4);
            assertThat(mine).extracting(e -> e.get("type").asText()).containsExactly(
                    ActorEventTypes.REGISTERED, ActorEventTypes.RENAMED, ActorEventTypes.REGISTERED, ActorEventTypes.RENAMED);
            assertThat(mine.get(2).get("id").asText()).as("a consumer can tell the repeat by its id")
                    .isEqualTo(mine.get(0).get("id").asText());
            assertThat(mine.get(3).get("id").asText()).isEqualTo(mine.get(1).get("id").asText());
            assertThat(mine.get(3).get("sequence").asLong()).isEqualTo(1L);
        }
    }

    private int collect(KafkaConsumer<String, byte[]> consumer, String key, List<JsonNode> into) throws IOException {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (key.equals(record.key())) {
                into.add(json.readTree(record.value()));
            }
        }
        return into.size();
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
