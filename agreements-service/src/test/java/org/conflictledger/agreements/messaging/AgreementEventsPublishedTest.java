package org.conflictledger.agreements.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.contracts.AgreementEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every change of an agreement reaches ledger.agreements.v1 as a CloudEvent keyed by the agreement, once, in order. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementEventsPublishedTest {
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ActorDirectory directory;

    @Test
    void recordTermAndAssessmentArriveOnTheTopicInOrder() throws Exception {
        AgreementFixtures fixtures = new AgreementFixtures().actorsKnown(directory);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.AGREEMENTS));
            UUID agreement = fixtures.recordStatement();
            UUID term = fixtures.addTermOk(agreement, fixtures.agdam(6));
            given().contentType(ContentType.JSON).header("X-Ledger-Principal", "analyst@example.org")
                    .body("{\"status\": \"FULFILLED\", \"effectiveAt\": \"2020-11-20T00:00:00Z\", \"reason\": \"returned\"}")
                    .post("/api/v1/agreements/" + agreement + "/terms/" + term + "/compliance").then().statusCode(200);

            List<JsonNode> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                collect(consumer, agreement.toString(), mine);
                return mine.size() >= 3;
            });
            for (int i = 0; i < 5; i++) {
                collect(consumer, agreement.toString(), mine);
            }
            assertThat(mine).extracting(e -> e.get("type").asText()).containsExactly(AgreementEventTypes.RECORDED,
                    AgreementEventTypes.TERM_ADDED, AgreementEventTypes.TERM_COMPLIANCE_ASSESSED);
            assertThat(mine).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L);
            assertThat(mine.get(0).get("source").asText()).isEqualTo("/conflict-ledger/agreements-service");
            assertThat(mine.get(0).get("subject").asText()).isEqualTo(agreement.toString());
            assertThat(mine.get(0).get("data").get("details").get("inForceZone").asText()).isEqualTo("Europe/Moscow");
            assertThat(mine.get(1).get("data").get("termId").asText()).isEqualTo(term.toString());
            JsonNode assessed = mine.get(2);
            assertThat(assessed.get("principal").asText()).isEqualTo("analyst@example.org");
            assertThat(assessed.get("reason").asText()).isEqualTo("returned");
            assertThat(assessed.get("data").get("status").asText()).isEqualTo("FULFILLED");
            assertThat(assessed.get("data").get("score").asInt()).isEqualTo(3);
        }
    }

    private void collect(KafkaConsumer<String, byte[]> consumer, String key, List<JsonNode> into) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (key.equals(record.key())) {
                try {
                    into.add(json.readTree(record.value()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
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
