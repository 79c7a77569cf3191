package org.conflictledger.agreements.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Violations reported on ledger.events.v1 reach the agreements they name: as evidence, turning the
 * named term VIOLATED with the conflict event as causation, once however often they are delivered,
 * and withdrawn again when the conflict event is retracted or corrected to another term.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ViolationFollowerTest {
    private static final Duration TOPIC_LAG = Duration.ofSeconds(60);

    @Inject
    ActorDirectory directory;

    private AgreementFixtures fixtures;
    private UUID agreement;
    private UUID ceasefireTerm;
    private UUID agdamTerm;

    @BeforeEach
    void aStatementWithTwoTerms() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
        agreement = fixtures.recordStatement();
        ceasefireTerm = fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        agdamTerm = fixtures.addTermOk(agreement, fixtures.agdam(2));
    }

    @Test
    void aViolationNamingATermTurnsItViolatedWithTheConflictEventAsCause() throws Exception {
        UUID conflictEvent = UUID.randomUUID();
        String cloudEventId;
        try (TopicEvents topics = new TopicEvents()) {
            // Bad messages first, keyed like the conflict event: parked, they hold up nothing (no record of theirs).
            topics.raw(Topics.EVENTS, conflictEvent.toString(), "not json".getBytes(StandardCharsets.UTF_8));
            topics.raw(Topics.EVENTS, conflictEvent.toString(), "{\"type\": \"ledger.event.reported.v1\"}".getBytes(StandardCharsets.UTF_8));
            cloudEventId = topics.violationReported(conflictEvent, agreement, "1", "2020-11-12");
        }
        JsonPath term = awaitTerm(ceasefireTerm, "VIOLATED");
        assertThat(term.getBoolean("compliance.automatic")).isTrue();
        assertThat(term.getString("compliance.effectiveAt")).isEqualTo("2020-11-11T21:00:00Z");
        assertThat(term.getList("compliance.evidence.conflictEvent")).containsExactly(conflictEvent.toString());

        JsonPath record = given().get("/api/v1/agreements/" + agreement).then().statusCode(200).extract().jsonPath();
        assertThat(record.getList("violations.conflictEvent")).containsExactly(conflictEvent.toString());
        assertThat(record.getList("violations.term")).containsExactly(ceasefireTerm.toString());

        List<JsonPath> caused = history().stream()
                .filter(e -> cloudEventId.equals(e.getString("causationId"))).toList();
        assertThat(caused).extracting(e -> e.getString("type")).containsExactly(
                "ledger.agreement.violation-evidence-recorded.v1", "ledger.agreement.term-compliance-assessed.v1");
        assertThat(caused).allSatisfy(e -> {
            assertThat(e.getString("principal")).isEqualTo(ViolationEvidenceUpdater.PRINCIPAL);
            assertThat(e.getString("correlationId")).isEqualTo("corr-" + cloudEventId);
        });
        // Agdam is untouched.
        given().get("/api/v1/agreements/" + agreement + "/terms/" + agdamTerm).then().statusCode(200)
                .body("compliance.status", equalTo("PENDING"));
    }

    @Test
    void aRedeliveredViolationIsRecordedOnce() throws Exception {
        UUID conflictEvent = UUID.randomUUID();
        try (TopicEvents topics = new TopicEvents()) {
            topics.violationReported(conflictEvent, agreement, "Paragraph 1", "2020-11-12");
            topics.violationReported(conflictEvent, agreement, "Paragraph 1", "2020-11-12");
            // Read after the redelivery (same key, same partition): once it shows, the redelivery was handled.
            topics.conflictEventRetracted(conflictEvent, 1);
        }
        await().atMost(TOPIC_LAG).until(() -> given().get("/api/v1/agreements/" + agreement).then().extract()
                .jsonPath().getList("violations.withdrawn").equals(List.of(true)));
        JsonPath term = given().get("/api/v1/agreements/" + agreement + "/terms/" + ceasefireTerm).then()
                .statusCode(200).extract().jsonPath();
        assertThat(term.getString("compliance.status")).isEqualTo("PENDING");
        assertThat(term.getList("complianceHistory.withdrawn")).containsExactly(true);
    }

    @Test
    void aRetractedViolationWithdrawsItsEvidenceAndTheTermIsPendingAgain() throws Exception {
        UUID conflictEvent = UUID.randomUUID();
        try (TopicEvents topics = new TopicEvents()) {
            topics.violationReported(conflictEvent, agreement, "2", "2020-11-21");
            awaitTerm(agdamTerm, "VIOLATED");
            topics.conflictEventRetracted(conflictEvent, 1);
        }
        JsonPath term = awaitTerm(agdamTerm, "PENDING");
        assertThat(term.getList("complianceHistory.withdrawn")).containsExactly(true);
        JsonPath record = given().get("/api/v1/agreements/" + agreement).then().extract().jsonPath();
        assertThat(record.getList("violations.withdrawn")).containsExactly(true);
    }

    @Test
    void aCorrectionToAnotherTermMovesTheEvidence() throws Exception {
        UUID conflictEvent = UUID.randomUUID();
        try (TopicEvents topics = new TopicEvents()) {
            topics.violationReported(conflictEvent, agreement, "1", "2020-11-12");
            awaitTerm(ceasefireTerm, "VIOLATED");
            topics.conflictEvent(ConflictEventTypes.CORRECTED, conflictEvent, 1, "CEASEFIRE_VIOLATION", agreement, "2",
                    "2020-11-12");
        }
        awaitTerm(agdamTerm, "VIOLATED");
        awaitTerm(ceasefireTerm, "PENDING");
    }

    @Test
    void aConflictEventThatIsNoViolationChangesNoAgreement() throws Exception {
        UUID battle = UUID.randomUUID();
        UUID violation = UUID.randomUUID();
        try (TopicEvents topics = new TopicEvents()) {
            topics.conflictEvent(ConflictEventTypes.REPORTED, battle, 0, "BATTLE", agreement, "1", "2020-11-12");
            topics.violationReported(violation, agreement, "2", "2020-11-21");
        }
        // Messages of one topic are read in order per key, not across keys: wait for the later one, then look.
        awaitTerm(agdamTerm, "VIOLATED");
        await().atMost(TOPIC_LAG).until(() -> given().get("/api/v1/agreements/" + agreement).then().extract()
                .jsonPath().getList("violations").size() == 1);
        assertThat(given().get("/api/v1/agreements/" + agreement + "/terms/" + ceasefireTerm).then()
                .extract().jsonPath().getString("compliance.status")).isEqualTo("PENDING");
    }

    private JsonPath awaitTerm(UUID term, String status) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(TOPIC_LAG).until(() -> {
            last[0] = given().get("/api/v1/agreements/" + agreement + "/terms/" + term).then().statusCode(200)
                    .extract().jsonPath();
            return status.equals(last[0].getString("compliance.status"));
        });
        return last[0];
    }

    private List<JsonPath> history() {
        JsonPath page = given().queryParam("limit", 500).get("/api/v1/agreements/" + agreement + "/history").then()
                .statusCode(200).extract().jsonPath();
        int size = page.getList("items").size();
        return java.util.stream.IntStream.range(0, size).mapToObj(i -> new JsonPath(page.prettify())
                .setRootPath("items[" + i + "]")).toList();
    }
}
