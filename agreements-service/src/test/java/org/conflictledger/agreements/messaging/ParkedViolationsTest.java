package org.conflictledger.agreements.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue #12, item 3: a violation this service cannot record (dated 0020-03-10, outside the record's days) is parked,
 * not retried forever; the follower moves on to later messages, the parking is counted in /q/metrics and listed by
 * the admin endpoint, and later messages of the same conflict event wait behind it until it is dealt with.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ParkedViolationsTest {
    private static final Duration TOPIC_LAG = Duration.ofSeconds(60);
    private static final String PARKED = "/api/v1/agreements/admin/parked";
    private static final Pattern PARKED_GAUGE =
            Pattern.compile("(?m)^ledger_consumer_parked_messages\\{[^}]*consumer=\"violations\"[^}]*} ([0-9.E]+)$");

    @Inject
    ActorDirectory directory;

    private UUID agreement;
    private UUID ceasefireTerm;
    private UUID agdamTerm;

    @BeforeEach
    void aStatementWithTwoTerms() throws Exception {
        AgreementFixtures fixtures = new AgreementFixtures().actorsKnown(directory);
        agreement = fixtures.recordStatement();
        ceasefireTerm = fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        agdamTerm = fixtures.addTermOk(agreement, fixtures.agdam(2));
    }

    @Test
    void aViolationTheAgreementRefusesIsParkedAndTheFollowerMovesOn() throws Exception {
        UUID poison = UUID.randomUUID();
        UUID valid;
        String poisonId;
        String retractionId;
        String validId;
        try (TopicEvents topics = new TopicEvents()) {
            // Another conflict event, read after the poison message: the same partition.
            valid = topics.keyOnTheSamePartition(Topics.EVENTS, poison);
            poisonId = topics.violationReported(poison, agreement, "1", "0020-03-10");
            retractionId = topics.conflictEventRetracted(poison, 1);
            validId = topics.violationReported(valid, agreement, "2", "2020-11-21");
        }

        // The later violation (another conflict event) is applied...
        awaitTerm(agdamTerm, "VIOLATED");
        JsonPath record = given().get("/api/v1/agreements/" + agreement).then().statusCode(200).extract().jsonPath();
        assertThat(record.getList("violations.conflictEvent")).containsExactly(valid.toString());
        // ...the poison message is parked with the reason, and the retraction of the same conflict event behind it.
        Map<String, Object> parked = awaitParked(poisonId);
        assertThat(parked).containsEntry("consumer", "violations").containsEntry("topic", Topics.EVENTS)
                .containsEntry("subject", poison.toString()).containsEntry("key", poison.toString())
                .containsEntry("type", "ledger.event.reported.v1");
        assertThat((String) parked.get("error"))
                .contains("RuleViolation (time-out-of-range)", "lies between 1800-01-01 and 2500-12-31");
        assertThat((Integer) parked.get("attempts")).isGreaterThan(1);
        assertThat((String) parked.get("message")).contains("\"date\":\"0020-03-10\"");
        Map<String, Object> behind = awaitParked(retractionId);
        assertThat((String) behind.get("error")).contains("parked behind");
        assertThat(parkedEntry(validId)).isEmpty();
        assertThat(given().get("/api/v1/agreements/" + agreement + "/terms/" + ceasefireTerm).then().extract()
                .jsonPath().getString("compliance.status")).isEqualTo("PENDING");

        // Counted in the metrics.
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = PARKED_GAUGE.matcher(metrics);
        assertThat(gauge.find()).as("ledger_consumer_parked_messages{consumer=\"violations\"} in\n" + metrics).isTrue();
        assertThat(Double.parseDouble(gauge.group(1))).isGreaterThanOrEqualTo(2);
        assertThat(metrics).containsPattern("ledger_consumer_parkings_total\\{[^}]*consumer=\"violations\"");

        // Replayed unchanged, the poison message fails again: 409, still parked, one more attempt.
        long poisonParking = ((Number) parked.get("id")).longValue();
        given().post(PARKED + "/" + poisonParking + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("parked-message-failed"))
                .body("detail", containsString("time-out-of-range"));
        assertThat((Integer) parkedEntry(poisonId).orElseThrow().get("attempts"))
                .isEqualTo((Integer) parked.get("attempts") + 1);
        // A message parked behind another is not replayed out of order.
        long behindParking = ((Number) behind.get("id")).longValue();
        given().post(PARKED + "/" + behindParking + "/replay").then().statusCode(409)
                .body("detail", containsString(String.valueOf(poisonParking)));

        // Discarded on purpose, the poison message frees its conflict event: the retraction behind it replays.
        given().delete(PARKED + "/" + poisonParking).then().statusCode(204);
        given().post(PARKED + "/" + behindParking + "/replay").then().statusCode(200)
                .body("replayed", equalTo(List.of((int) behindParking)));
        assertThat(parkedEntry(poisonId)).isEmpty();
        assertThat(parkedEntry(retractionId)).isEmpty();
        given().post(PARKED + "/" + behindParking + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
        given().delete(PARKED + "/" + behindParking).then().statusCode(404);

        // The conflict event is free: its next message is applied, not parked.
        String laterId;
        try (TopicEvents topics = new TopicEvents()) {
            laterId = topics.conflictEventRetracted(poison, 2);
            topics.violationReported(UUID.randomUUID(), agreement, "1", "2020-11-12");
        }
        awaitTerm(ceasefireTerm, "VIOLATED");
        assertThat(parkedEntry(laterId)).isEmpty();
    }

    @Test
    void theParkedListIsPaged() throws Exception {
        try (TopicEvents topics = new TopicEvents()) {
            for (int i = 0; i < 3; i++) {
                topics.violationReported(UUID.randomUUID(), agreement, "1", "0020-03-1" + i);
            }
        }
        await().atMost(TOPIC_LAG).until(() -> all().stream()
                .filter(p -> String.valueOf(p.get("message")).contains(agreement.toString())).count() == 3);
        JsonPath first = given().queryParam("limit", 1).get(PARKED).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(1);
        String next = first.getString("next");
        assertThat(next).isNotNull();
        JsonPath second = given().queryParam("limit", 1).queryParam("cursor", next).get(PARKED).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getLong("items[0].id")).isGreaterThan(first.getLong("items[0].id"));
        given().queryParam("limit", 0).get(PARKED).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("consumer", "violations").get(PARKED).then().statusCode(200);
    }

    private Map<String, Object> awaitParked(String cloudEventId) {
        await().atMost(TOPIC_LAG).until(() -> parkedEntry(cloudEventId).isPresent());
        return parkedEntry(cloudEventId).orElseThrow();
    }

    private Optional<Map<String, Object>> parkedEntry(String cloudEventId) {
        return all().stream().filter(p -> cloudEventId.equals(p.get("cloudEventId"))).findFirst();
    }

    private List<Map<String, Object>> all() {
        return given().queryParam("limit", 500).get(PARKED).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private void awaitTerm(UUID term, String status) {
        await().atMost(TOPIC_LAG).until(() -> status.equals(given()
                .get("/api/v1/agreements/" + agreement + "/terms/" + term).then().statusCode(200)
                .extract().jsonPath().getString("compliance.status")));
    }
}
