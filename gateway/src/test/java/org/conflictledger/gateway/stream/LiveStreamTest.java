package org.conflictledger.gateway.stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/v1/stream: the ledger's writes as CloudEvents over Server-Sent Events, filtered and resumable. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(ActorKeyOrigin.class)
class LiveStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LedgerTopics topics;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void producer() {
        topics = new LedgerTopics();
    }

    @AfterAll
    static void closeProducer() {
        topics.close();
    }

    private URI stream(String query) throws Exception {
        return base.toURI().resolve("api/v1/stream" + (query.isEmpty() ? "" : "?" + query));
    }

    @Test
    void aWriteArrivesAsACloudEventWithTheGatewaysIdAndItsType() throws Exception {
        UUID actor = UUID.randomUUID();
        try (SseClient client = SseClient.open(stream("actor=" + actor), null)) {
            assertThat(client.contentType()).startsWith("text/event-stream");
            JsonObject published = topics.actorRenamed(actor, "Türkiye");

            SseClient.Message message = client.next(WAIT);
            // The id is the stream's position in the topics: an offset per partition read, the actors' among them.
            assertThat(message.id()).matches("[aeg]\\d+:\\d+(,[aeg]\\d+:\\d+)*").contains("a");
            assertThat(message.event()).isEqualTo(ActorEventTypes.RENAMED);
            assertThat(message.data()).doesNotContain("\n");
            assertThat(new JsonObject(message.data())).isEqualTo(published);
        }
    }

    @Test
    void filtersKeepOnlyTheRecordTypesTypesActorsTheatersAndAgreementsAskedFor() throws Exception {
        UUID actor = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        UUID inSyria = UUID.randomUUID();
        try (SseClient syria = SseClient.open(stream("actor=" + actor + "&theater=SYRIA&recordType=event,agreement"), null);
             SseClient byAgreement = SseClient.open(stream("agreement=" + agreement), null);
             SseClient retractions = SseClient.open(stream("actor=" + actor + "&types=" + ConflictEventTypes.RETRACTED
                     + "," + ActorEventTypes.RENAMED + "&recordType=event"), null)) {
            topics.actorRenamed(actor, "not an event");                                              // none
            topics.conflictEvent(UUID.randomUUID(), "LIBYA", actor, null);       // none
            JsonObject syriaEvent = topics.conflictEvent(inSyria, "SYRIA", actor, agreement);       // syria, agreement
            topics.conflictEvent(UUID.randomUUID(), "SYRIA", UUID.randomUUID(), null);              // none
            JsonObject recorded = topics.agreementRecorded(agreement, "SYRIA", actor);              // syria, agreement
            JsonObject retracted = topics.conflictEventRetracted(inSyria);  // syria, agreement, retractions (remembered)

            // Order holds per record (one partition per key); across records it is the order the gateway read them.
            for (SseClient client : List.of(syria, byAgreement)) {
                List<String> ids = ids(client, 3);
                assertThat(ids).containsExactlyInAnyOrder(syriaEvent.getString("id"), recorded.getString("id"),
                        retracted.getString("id"));
                assertThat(ids.indexOf(syriaEvent.getString("id"))).isLessThan(ids.indexOf(retracted.getString("id")));
            }
            assertThat(ids(retractions, 1)).containsExactly(retracted.getString("id"));
            assertThat(syria.poll(Duration.ofMillis(300))).isNull();
            assertThat(retractions.poll(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void lastEventIdResumesAfterADisconnectWithoutGapsOrDuplicates() throws Exception {
        UUID actor = UUID.randomUUID();
        List<String> published = new ArrayList<>();
        List<String> sseIds = new ArrayList<>();
        try (SseClient first = SseClient.open(stream("actor=" + actor), null)) {
            for (int i = 0; i < 3; i++) {
                published.add(topics.actorRenamed(actor, "name " + i).getString("id"));
            }
            for (int i = 0; i < 3; i++) {
                SseClient.Message message = first.next(WAIT);
                sseIds.add(message.id());
                assertThat(new JsonObject(message.data()).getString("id")).isEqualTo(published.get(i));
            }
        }
        // Written while the client was away.
        for (int i = 3; i < 6; i++) {
            published.add(topics.actorRenamed(actor, "name " + i).getString("id"));
        }
        // Resume after the first message the client saw: the second and third again, since it claims not to have them.
        try (SseClient resumed = SseClient.open(stream("actor=" + actor), sseIds.get(0))) {
            List<SseClient.Message> messages = new ArrayList<>();
            for (int i = 1; i < 6; i++) {
                messages.add(resumed.next(WAIT));
            }
            assertThat(messages).extracting(m -> new JsonObject(m.data()).getString("id"))
                    .containsExactlyElementsOf(published.subList(1, 6));
            assertThat(messages.get(0).id()).isEqualTo(sseIds.get(1));
            assertThat(messages.get(1).id()).isEqualTo(sseIds.get(2));
            assertThat(messages).extracting(SseClient.Message::id).doesNotHaveDuplicates();
            String live = topics.actorRenamed(actor, "live").getString("id");
            assertThat(new JsonObject(resumed.next(WAIT).data()).getString("id")).isEqualTo(live);
            assertThat(resumed.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aBrowserResumesWithTheLastIdInTheQuery() throws Exception {
        // A new EventSource (e.g. one opened with a fresh token) cannot send Last-Event-ID: it names it in the query.
        UUID actor = UUID.randomUUID();
        String seenId;
        try (SseClient first = SseClient.open(stream("actor=" + actor), null)) {
            topics.actorRenamed(actor, "seen");
            seenId = first.next(WAIT).id();
        }
        String missed = topics.actorRenamed(actor, "missed").getString("id");

        try (SseClient resumed = SseClient.open(stream("actor=" + actor + "&lastEventId=" + seenId), null)) {
            assertThat(ids(resumed, 1)).containsExactly(missed);
        }
        given().queryParam("lastEventId", "yesterday").get("/api/v1/stream").then().statusCode(400)
                .body("errors[0].field", equalTo("lastEventId"));
    }

    @Test
    void aCloudEventPublishedTwiceIsStreamedOnce() throws Exception {
        UUID actor = UUID.randomUUID();
        try (SseClient client = SseClient.open(stream("actor=" + actor), null)) {
            JsonObject once = topics.actorRenamed(actor, "once");
            topics.send("ledger.actors.v1", actor.toString(), once.toBuffer().getBytes());
            JsonObject next = topics.actorRenamed(actor, "next");
            assertThat(ids(client, 2)).containsExactly(once.getString("id"), next.getString("id"));
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void anActorMayBeNamedByItsKey() throws Exception {
        try (SseClient byKey = SseClient.open(stream("actor=TUR"), null)) {
            topics.actorRenamed(UUID.randomUUID(), "someone else");
            JsonObject renamed = topics.actorRenamed(ActorKeyOrigin.TUR, "Türkiye");

            assertThat(ids(byKey, 1)).containsExactly(renamed.getString("id"));
        }
        given().get("/api/v1/stream?actor=NOPE").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("actor"))
                .body("errors[0].message", equalTo("no actor has the key NOPE"));
    }

    @Test
    void aBadFilterIsAValidationProblem() {
        given().queryParam("recordType", "actor,person").queryParam("actor", "tur?").queryParam("theater", "syria")
                .queryParam("types", "Renamed!").queryParam("agreement", "x")
                .get("/api/v1/stream").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors.field", hasItems("recordType", "actor", "theater", "types", "agreement"));
        given().queryParam("recordTypes", "actor").get("/api/v1/stream").then().statusCode(400)
                .body("errors[0].field", equalTo("recordTypes"))
                .body("errors[0].message", startsWith("unknown query parameter; accepted: recordType, types"));
        given().header("Last-Event-ID", "yesterday").get("/api/v1/stream").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void anythingElseUnderTheApiIsStillNotFound() {
        given().get("/api/v1/streams").then().statusCode(404).contentType("application/problem+json");
    }

    private static List<String> ids(SseClient client, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new JsonObject(client.next(WAIT).data()).getString("id"));
        }
        return ids;
    }
}
