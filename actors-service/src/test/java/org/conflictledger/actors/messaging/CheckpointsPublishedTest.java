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
import org.conflictledger.contracts.CloudEventSources;
import org.conflictledger.contracts.LogEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.transparency.Checkpoint;
import org.conflictledger.transparency.SigningKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Signed checkpoints of the log reach the service's topic, verifiable with the log's public key. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class CheckpointsPublishedTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCheckpointCoveringAWriteArrivesOnTheTopicSignedByTheLogsKey() throws IOException {
        String key = "CPT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType(ContentType.JSON).body("{\"key\": \"" + key + "\", \"name\": \"Checkpointed\", \"kind\": \"STATE\"}")
                .post("/api/v1/actors").then().statusCode(201);
        JsonNode log = json.readTree(given().get("/api/v1/actors/log").then().statusCode(200).extract().asString());
        PublicKey publicKey = SigningKeys.publicKey(log.path("publicKey").asText());
        long written = log.path("size").asLong();

        JsonNode found = null;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ACTORS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = json.readTree(record.value());
                    if (LogEventTypes.CHECKPOINT.equals(event.path("type").asText())
                            && event.path("data").path("treeSize").asLong() >= written) {
                        assertThat(record.key()).isEqualTo(log.path("origin").asText());
                        found = event;
                    }
                }
            }
        }
        assertThat(found).as("a checkpoint of at least %d entries on %s", written, Topics.ACTORS).isNotNull();
        assertThat(found.path("source").asText()).isEqualTo(CloudEventSources.ACTORS_SERVICE);
        JsonNode data = found.path("data");
        Checkpoint checkpoint = new Checkpoint(data.path("origin").asText(), data.path("treeSize").asLong(),
                data.path("rootHash").asText(), Instant.parse(data.path("signedAt").asText()),
                data.path("keyId").asText(), data.path("signature").asText());
        assertThat(checkpoint.verifiedBy(publicKey)).isTrue();
        assertThat(found.path("id").asText()).isEqualTo(checkpoint.origin() + "/checkpoints/" + checkpoint.treeSize());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
