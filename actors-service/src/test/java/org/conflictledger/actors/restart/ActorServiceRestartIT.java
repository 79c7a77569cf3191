package org.conflictledger.actors.restart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Stops the packaged service after writes and starts it again on the same data: the record,
 * its history and its hash chain are intact, and the topic holds each event once.
 */
class ActorServiceRestartIT {
    private static final String EDITOR = TestTokens.bearer("restart-test@example.org", "editor");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRestartKeepsTheRecordItsHistoryAndTheTopicIntact(@TempDir Path data) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0)) {
            ServiceProcess.Builder actorsService = ServiceProcess.builder(JAR).name("actors-service")
                    .env(TestTokens.checksOnEnvironment()).portVariable("ACTORS_PORT")
                    .env("LEDGER_DATA", data.resolve("services").toString())
                    .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                    .log(Path.of("target", "actor-restart-it.log"));
            String key = "RST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");
            String id;

            try (ServiceProcess first = actorsService.start()) {
                id = editor(first).contentType(ContentType.JSON)
                        .body("{\"key\": \"" + key + "\", \"name\": \"Republic of Artsakh\", \"kind\": \"SELF_DECLARED_ENTITY\"}")
                        .post("/api/v1/actors").then().statusCode(201).extract().path("id");
                editor(first).contentType(ContentType.JSON).body("{\"name\": \"Artsakh\"}")
                        .post("/api/v1/actors/" + id + "/rename").then().statusCode(200);
                awaitPublished(broker, id, 2);
                assertThat(first.stop()).isIn(0, 143);
            }

            try (ServiceProcess second = actorsService.start()) {
                editor(second).get("/api/v1/actors/" + key).then().statusCode(200)
                        .body("name", equalTo("Artsakh")).body("version", equalTo(2));
                editor(second).get("/api/v1/actors/" + id + "/history").then().statusCode(200)
                        .body("items.sequence", contains(0, 1));
                editor(second).get("/api/v1/actors/" + id + "/verify").then()
                        .body("valid", equalTo(true)).body("events", equalTo(2));
                editor(second).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                        .body("{\"name\": \"Nagorno-Karabakh Republic\"}")
                        .post("/api/v1/actors/" + id + "/rename").then().statusCode(200).header("ETag", "\"3\"");

                Map<String, JsonNode> byEventId = awaitPublished(broker, id, 3);
                assertThat(byEventId.values()).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
                assertThat(second.stop()).isIn(0, 143);
            }
        }
    }

    /** Consumes the topic from the start, deduplicating by CloudEvent id, until {@code count} events of the actor arrived. */
    private Map<String, JsonNode> awaitPublished(EmbeddedKafkaBroker broker, String id, int count) {
        Map<String, JsonNode> byEventId = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
            consumer.subscribe(List.of(Topics.ACTORS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        JsonNode event = read(record.value());
                        raw.add(event.get("id").asText());
                        byEventId.putIfAbsent(event.get("id").asText(), event);
                    }
                });
                return byEventId.size() >= count;
            });
        }
        assertThat(byEventId).hasSize(count);
        assertThat(raw).as("a clean restart republishes nothing").hasSize(count);
        return byEventId;
    }

    private JsonNode read(byte[] value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedKafkaBroker broker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** A request to the service as an editor: the packaged service checks tokens, as deployed. */
    private static io.restassured.specification.RequestSpecification editor(ServiceProcess service) {
        return given().header("Authorization", EDITOR).baseUri(service.baseUri());
    }
}
