package org.conflictledger.systemtests.faults;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.conflictledger.contracts.CloudEventSources;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.systemtests.faults.Suite.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Messages the packaged services' consumers cannot apply, written straight onto the topics with a plain Kafka producer
 * (visible to the consumers' {@code read_committed}): each is parked (kept, counted in {@code /q/metrics}, listed at
 * {@code …/admin/parked}), the consumer moves on to later messages, a parked message is replayed once the cause is
 * fixed and discarded when it never can be. And a change too large for its topic is refused at the API with a 413
 * problem document and never stored. Each test prints its counts.
 *
 * <p>The poison messages go to every partition of their topic, each keyed for the partition it is on, so that any
 * later message, whichever partition its key puts it on, is read after one.
 */
class PoisonMessagesIT {
    private static final String EDITOR = TestTokens.bearer("poison-test@example.org", "editor");
    private static final String ADMIN = TestTokens.bearer("poison-test-admin@example.org", "admin");
    private static final Duration LAG = Duration.ofSeconds(60);

    @TempDir
    static Path data;

    private static Suite suite;
    private static KafkaProducer<String, byte[]> producer;
    private static String agreementId;
    private static String ceasefireTerm;

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.start(data);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);

        for (String key : List.of("POISON-AZE", "POISON-ARM")) {
            given(spec(Service.ACTORS)).body("{\"key\": \"" + key + "\", \"name\": \"" + key + "\", \"kind\": \"STATE\"}")
                    .post("/api/v1/actors").then().statusCode(201);
        }
        await("agreements-service's replica has the signatories").atMost(LAG).until(() -> {
            var recorded = given(spec(Service.AGREEMENTS)).body("{\"title\": \"Poison test\", \"kind\": \"CEASEFIRE\","
                    + " \"theater\": \"NAGORNO_KARABAKH\", \"signedOn\": \"2020-11-09\", \"inForceAt\": \"2020-11-09T21:00:00Z\","
                    + " \"inForceZone\": \"Europe/Moscow\", \"signatories\": [\"POISON-AZE\", \"POISON-ARM\"]}")
                    .post("/api/v1/agreements");
            agreementId = recorded.statusCode() == 201 ? recorded.path("id") : null;
            return agreementId != null;
        });
        ceasefireTerm = given(spec(Service.AGREEMENTS))
                .body("{\"order\": 1, \"text\": \"A complete ceasefire\", \"category\": \"CEASEFIRE\"}")
                .post("/api/v1/agreements/" + agreementId + "/terms").then().statusCode(201).extract().path("id");
        await("events-service's replica has the actors").atMost(LAG).until(() ->
                given(spec(Service.EVENTS)).body(battle("POISON-ARM")).post("/api/v1/events").statusCode() == 201);
    }

    @AfterAll
    static void stopTheSuite() {
        if (producer != null) {
            producer.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void violationsTheFollowerCannotApplyAreParkedCountedListedAndDiscardedWhileLaterOnesAreApplied() throws Exception {
        String topic = Service.EVENTS.topic;
        String parked = "/api/v1/agreements/admin/parked";
        double parkingsBefore = metric(Service.AGREEMENTS, "ledger_consumer_parkings_total", "violations");

        // One message that is no CloudEvent at all, then on every partition a violation the agreement refuses: dated
        // 0020-03-10, outside the days the record holds (1800 to 2500), which events-service no longer accepts
        producer.send(new ProducerRecord<>(topic, 0, "not-a-record", "not json at all".getBytes(StandardCharsets.UTF_8)))
                .get();
        Map<String, UUID> poisonBySubject = new LinkedHashMap<>();
        for (int partition = 0; partition < partitions(topic); partition++) {
            UUID subject = keyOnPartition(topic, partition);
            String cloudEventId = send(topic, partition, subject, "ledger.event.reported.v1", 0,
                    "{\"eventId\": \"" + subject + "\", \"details\": {\"theater\": \"NAGORNO_KARABAKH\","
                            + " \"type\": \"CEASEFIRE_VIOLATION\", \"date\": \"0020-03-10\", \"agreementId\": \""
                            + agreementId + "\", \"term\": \"1\"}}");
            poisonBySubject.put(cloudEventId, subject);
        }

        // A violation reported afterwards, the way a client reports it, is applied: it is read after a poison message
        // whichever partition it is on
        long reportedAt = System.nanoTime();
        String valid = given(spec(Service.EVENTS)).body(violation("2020-11-12")).post("/api/v1/events").then()
                .statusCode(201).extract().path("id");
        await("the later violation turns the ceasefire term VIOLATED").atMost(LAG).untilAsserted(() ->
                given(spec(Service.AGREEMENTS)).get("/api/v1/agreements/" + agreementId + "/terms/" + ceasefireTerm)
                        .then().statusCode(200).body("compliance.status", equalTo("VIOLATED")));
        long appliedAfter = Duration.ofNanos(System.nanoTime() - reportedAt).toMillis();
        List<String> evidence = given(spec(Service.AGREEMENTS)).get("/api/v1/agreements/" + agreementId).then()
                .extract().jsonPath().getList("violations.conflictEvent", String.class);

        // Every poison message is parked: kept as read, with why
        List<Map<String, Object>> items = awaitParked(Service.AGREEMENTS, "violations", 1 + poisonBySubject.size());
        Map<String, Object> unreadable = items.stream().filter(p -> p.get("cloudEventId") == null).findFirst()
                .orElseThrow();
        List<Map<String, Object>> violations = items.stream()
                .filter(p -> poisonBySubject.containsKey((String) p.get("cloudEventId"))).toList();
        double gauge = metric(Service.AGREEMENTS, "ledger_consumer_parked_messages", "violations");
        double parkings = metric(Service.AGREEMENTS, "ledger_consumer_parkings_total", "violations") - parkingsBefore;

        // replayed as it is, a poison violation fails again and stays parked; discarded, it is gone
        Map<String, Object> first = violations.get(0);
        var replay = given(admin(Service.AGREEMENTS)).post(parked + "/" + id(first) + "/replay");
        for (Map<String, Object> item : items) {
            given(admin(Service.AGREEMENTS)).delete(parked + "/" + id(item)).then().statusCode(204);
        }
        List<Map<String, Object>> afterDiscard = parked(Service.AGREEMENTS, "violations");
        double gaugeAfter = metric(Service.AGREEMENTS, "ledger_consumer_parked_messages", "violations");
        System.out.printf("poison on %s: sent %d (1 not JSON, %d violations dated 0020 on %d partitions); parked %d"
                        + " (attempts %s), gauge %.0f, parkings counted %.0f; a later violation applied %d ms after its"
                        + " report (evidence %s); replay of a poison violation %d; after %d discards %d parked, gauge"
                        + " %.0f%n", topic, 1 + poisonBySubject.size(), poisonBySubject.size(), partitions(topic),
                items.size(), items.stream().map(p -> p.get("attempts")).toList(), gauge, parkings, appliedAfter,
                evidence.size(), replay.statusCode(), items.size(), afterDiscard.size(), gaugeAfter);

        assertThat(unreadable).containsEntry("consumer", "violations").containsEntry("topic", topic)
                .containsEntry("record", null).containsEntry("message", "not json at all").containsEntry("attempts", 0);
        assertThat((String) unreadable.get("error")).startsWith("UnreadableMessage: the message is not JSON");
        assertThat(violations).hasSize(poisonBySubject.size()).allSatisfy(p -> {
            assertThat(p).containsEntry("type", "ledger.event.reported.v1")
                    .containsEntry("subject", poisonBySubject.get((String) p.get("cloudEventId")).toString())
                    .containsEntry("record", poisonBySubject.get((String) p.get("cloudEventId")).toString());
            assertThat((String) p.get("error")).contains("RuleViolation (time-out-of-range)");
            assertThat((Integer) p.get("attempts")).isEqualTo(3);
            assertThat((String) p.get("message")).contains("\"date\": \"0020-03-10\"");
        });
        assertThat(gauge).as("ledger_consumer_parked_messages{consumer=violations}").isEqualTo(items.size());
        assertThat(parkings).as("ledger_consumer_parkings_total{consumer=violations}, this test's").isEqualTo(items.size());
        assertThat(evidence).as("violations recorded on the agreement").containsExactly(valid);
        replay.then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("parked-message-failed")).body("detail", containsString("time-out-of-range"));
        assertThat(afterDiscard).isEmpty();
        assertThat(gaugeAfter).isZero();
        given(admin(Service.AGREEMENTS)).post(parked + "/" + id(first) + "/replay").then().statusCode(404);
        given(spec(Service.AGREEMENTS)).get(parked).then().statusCode(403);
    }

    @Test
    void anActorEventForAnActorTheReplicaHasNotSeenIsParkedAndReplayedOnceItsRegistrationArrived() throws Exception {
        String topic = Service.ACTORS.topic;
        // On every partition, the rename of an actor whose registration the replicas never got (as when they started
        // reading after the topic had lost it)
        Map<UUID, String> renames = new LinkedHashMap<>();
        Map<UUID, byte[]> renameMessages = new LinkedHashMap<>();
        List<Integer> onPartition = new ArrayList<>();
        for (int partition = 0; partition < partitions(topic); partition++) {
            UUID actor = keyOnPartition(topic, partition);
            String cloudEventId = UUID.randomUUID().toString();
            byte[] rename = cloudEvent(cloudEventId, actor, "ledger.actor.renamed.v1", 1, "{\"actorId\": \"" + actor
                    + "\", \"previousName\": \"Unseen " + partition + "\", \"name\": \"Unseen " + partition + ", renamed\"}");
            producer.send(new ProducerRecord<>(topic, partition, actor.toString(), rename)).get();
            renames.put(actor, cloudEventId);
            renameMessages.put(actor, rename);
            onPartition.add(partition);
        }

        // The consumer moves on: an actor registered afterwards reaches the replica
        given(spec(Service.ACTORS)).body("{\"key\": \"POISON-LATER\", \"name\": \"Registered after the poison\","
                + " \"kind\": \"ARMED_GROUP\"}").post("/api/v1/actors").then().statusCode(201);
        long registeredAt = System.nanoTime();
        await("events-service's replica has the actor registered after the poison").atMost(LAG).until(() ->
                given(spec(Service.EVENTS)).body(battle("POISON-LATER")).post("/api/v1/events").statusCode() == 201);
        long reachedAfter = Duration.ofNanos(System.nanoTime() - registeredAt).toMillis();

        Map<Service, List<Map<String, Object>>> parkedAt = new LinkedHashMap<>();
        Map<String, Double> gauges = new LinkedHashMap<>();
        for (Service service : List.of(Service.EVENTS, Service.AGREEMENTS)) {
            parkedAt.put(service, awaitParked(service, "actor-replica", renames.size()));
            gauges.put(service.name, metric(service, "ledger_consumer_parked_messages", "actor-replica"));
        }
        // Not fixed yet: a replay fails again, and the message stays parked
        Map<String, Object> someRename = parkedAt.get(Service.EVENTS).get(0);
        int replayBeforeTheFix = given(admin(Service.EVENTS))
                .post(path(Service.EVENTS) + "/" + id(someRename) + "/replay").statusCode();

        // The fix: the registrations reach the topic after all, followed by the renames again, as actors-service's
        // republish (POST /api/v1/actors/admin/topic/republish) sends them: in order, with their original CloudEvent ids
        for (UUID actor : renames.keySet()) {
            int partition = onPartition.get(new ArrayList<>(renames.keySet()).indexOf(actor));
            producer.send(new ProducerRecord<>(topic, partition, actor.toString(), cloudEvent(UUID.randomUUID().toString(),
                    actor, "ledger.actor.registered.v1", 0, "{\"actorId\": \"" + actor + "\", \"key\": \"POISON-UNSEEN-"
                            + partition + "\", \"name\": \"Unseen " + partition + "\", \"kind\": \"ARMED_GROUP\","
                            + " \"aliases\": []}"))).get();
            producer.send(new ProducerRecord<>(topic, partition, actor.toString(), renameMessages.get(actor))).get();
        }
        // Each registration is applied, though a later event of its actor is parked; the rename's copy is parked
        // behind the rename
        for (int partition : onPartition) {
            await("events-service's replica has the registration that arrived late").atMost(LAG).until(() ->
                    given(spec(Service.EVENTS)).body(battle("POISON-UNSEEN-" + partition)).post("/api/v1/events")
                            .statusCode() == 201);
        }
        Map<Service, List<Map<String, Object>>> beforeReplay = new LinkedHashMap<>();
        for (Service service : parkedAt.keySet()) {
            beforeReplay.put(service, awaitParked(service, "actor-replica", 2 * renames.size()));
        }

        // Replayed, each parked rename is applied, and the copy parked behind it goes with it
        Map<String, List<String>> replays = new LinkedHashMap<>();
        for (Service service : parkedAt.keySet()) {
            List<String> answers = new ArrayList<>();
            for (Map<String, Object> rename : parkedAt.get(service)) {
                var replay = given(admin(service)).post(path(service) + "/" + id(rename) + "/replay");
                answers.add(replay.statusCode() + " " + replay.asString());
            }
            replays.put(service.name, answers);
        }
        Map<String, Integer> leftParked = new LinkedHashMap<>();
        for (Service service : parkedAt.keySet()) {
            leftParked.put(service.name, parked(service, "actor-replica").size());
        }
        List<String> names = new ArrayList<>();
        for (int partition : onPartition) {
            names.add(given(spec(Service.EVENTS)).body(battle("POISON-UNSEEN-" + partition)).post("/api/v1/events")
                    .then().statusCode(201).extract().path("actors[0].name"));
        }
        System.out.printf("poison on %s: %d renames of actors never registered, one per partition; parked in"
                        + " events-service %d and agreements-service %d (gauges %s); an actor registered afterwards"
                        + " reached events-service's replica in %d ms; replay before the fix %d; after the"
                        + " registrations arrived: parked %s, replays %s, left parked %s, names in events-service %s%n",
                topic, renames.size(), parkedAt.get(Service.EVENTS).size(), parkedAt.get(Service.AGREEMENTS).size(),
                gauges, reachedAfter, replayBeforeTheFix, counts(beforeReplay), replays, leftParked, names);

        for (Service service : parkedAt.keySet()) {
            assertThat(parkedAt.get(service)).extracting(p -> p.get("cloudEventId"))
                    .containsExactlyInAnyOrderElementsOf(renames.values());
            assertThat(parkedAt.get(service)).allSatisfy(p -> {
                assertThat((String) p.get("error")).contains("has not seen registered");
                assertThat((Integer) p.get("attempts")).isEqualTo(3);
            });
            assertThat(gauges.get(service.name)).isEqualTo(renames.size());
            assertThat(beforeReplay.get(service)).as("parked in %s once the registrations arrived", service.name)
                    .hasSize(2 * renames.size()).allSatisfy(p -> assertThat(p.get("type"))
                            .isEqualTo("ledger.actor.renamed.v1"));
            assertThat(replays.get(service.name)).as("replays in %s", service.name)
                    .allSatisfy(answer -> {
                        assertThat(answer).startsWith("200 ");
                        // the rename and its copy parked behind it
                        assertThat(JsonPath.from(answer.substring(4)).getList("replayed")).hasSize(2);
                        assertThat(JsonPath.from(answer.substring(4)).getList("stillParked")).isEmpty();
                    });
            assertThat(leftParked.get(service.name)).as("parked in %s after the replays", service.name).isZero();
            assertThat(metric(service, "ledger_consumer_parked_messages", "actor-replica")).isZero();
        }
        assertThat(replayBeforeTheFix).isEqualTo(409);
        assertThat(names).containsExactlyElementsOf(onPartition.stream().map(p -> "Unseen " + p + ", renamed").toList());
    }

    @Test
    void aChangeTooLargeForItsTopicIsRefusedWith413AndNeverStoredAndTheOutboxGoesOn() {
        // Within every field's limit and under 1 MB as a request, but over the topic's 1,000,000 bytes as published
        // (LEDGER_OUTBOX_MAX_EVENT_SIZE, the default): control characters are escaped six-fold and the sources are
        // carried twice (in the record and in the audit metadata)
        String control = "\\u0001";
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sources.append(i == 0 ? "" : ", ").append("{\"title\": \"").append(control.repeat(200))
                    .append("\", \"publisher\": \"").append(control.repeat(200))
                    .append("\", \"url\": \"https://example.org/").append(control.repeat(1980)).append("\"}");
        }
        String id = given(spec(Service.EVENTS)).body(battle("POISON-ARM")).post("/api/v1/events").then().statusCode(201)
                .extract().path("id");
        int listed = events();

        var report = given(spec(Service.EVENTS)).body("{\"theater\": \"SYRIA\", \"type\": \"BATTLE\", \"date\": \"2020-02-27\","
                + " \"actors\": [{\"actor\": \"POISON-ARM\", \"role\": \"PERPETRATOR\"}], \"sources\": [" + sources + "]}")
                .post("/api/v1/events");
        var correction = given(spec(Service.EVENTS)).header("If-Match", "\"1\"")
                .body("{\"sources\": [" + sources + "], \"reason\": \"cite everything\"}")
                .post("/api/v1/events/" + id + "/corrections");
        int listedAfter = events();
        JsonPath history = given(spec(Service.EVENTS)).get("/api/v1/events/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        int version = given(spec(Service.EVENTS)).get("/api/v1/events/" + id).then().statusCode(200).extract()
                .path("version");

        // the outbox is not held back: the next change of the same record is published
        given(spec(Service.EVENTS)).header("If-Match", "\"1\"").body("{\"notes\": \"after the refusals\","
                + " \"reason\": \"poison test\"}").post("/api/v1/events/" + id + "/corrections").then().statusCode(200);
        TopicContents[] topic = new TopicContents[1];
        await("the next correction is on " + Service.EVENTS.topic).atMost(LAG).untilAsserted(() -> {
            topic[0] = TopicContents.read(suite.bootstrapServers(), Service.EVENTS.topic);
            assertThat(topic[0].subjectsOf(".corrected.v1")).contains(id);
        });
        System.out.printf("too large for %s: a report %d (%s), a correction %d; events listed %d before, %d after;"
                        + " the corrected event's history %d entries, version %d; the next correction published (%d"
                        + " CloudEvents of it on the topic)%n", Service.EVENTS.topic, report.statusCode(),
                report.path("detail"), correction.statusCode(), listed, listedAfter, history.getList("items").size(),
                version, topic[0].events().stream().filter(e -> e.subject().equals(id)).count());

        for (var refused : List.of(report, correction)) {
            refused.then().statusCode(413).contentType("application/problem+json")
                    .body("type", endsWith("change-too-large")).body("status", equalTo(413))
                    .body("detail", containsString("at most 1000000"));
        }
        assertThat(listedAfter).as("events listed after the refused report").isEqualTo(listed);
        assertThat(history.getList("items.type", String.class)).as("the history of the event a correction was refused on")
                .containsExactly("ledger.event.reported.v1");
        assertThat(version).isEqualTo(1);
        assertThat(topic[0].events().stream().filter(e -> e.subject().equals(id)).map(TopicContents.CloudEvent::type))
                .containsExactly("ledger.event.reported.v1", "ledger.event.corrected.v1");
    }

    private static Map<String, Integer> counts(Map<Service, List<Map<String, Object>>> parked) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        parked.forEach((service, items) -> counts.put(service.name, items.size()));
        return counts;
    }

    private static int events() {
        return given(spec(Service.EVENTS)).queryParam("limit", 500).get("/api/v1/events").then().statusCode(200)
                .extract().path("items.size()");
    }

    /** The consumer's parked messages, once there are at least {@code count}. */
    private static List<Map<String, Object>> awaitParked(Service service, String consumer, int count) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        await(service.name + "'s " + consumer + " parks " + count + " messages").atMost(LAG).untilAsserted(() -> {
            last.set(0, parked(service, consumer));
            assertThat(last.get(0)).hasSizeGreaterThanOrEqualTo(count);
        });
        return last.get(0);
    }

    private static List<Map<String, Object>> parked(Service service, String consumer) {
        return given(admin(service)).queryParam("consumer", consumer).queryParam("limit", 500).get(path(service)).then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    private static String path(Service service) {
        return "/api/v1/" + service.topic.split("\\.")[1] + "/admin/parked";
    }

    private static long id(Map<String, Object> parked) {
        return ((Number) parked.get("id")).longValue();
    }

    /** One meter of the service's {@code /q/metrics}, by consumer; 0 when it is not there. */
    private static double metric(Service service, String name, String consumer) {
        String metrics = given().baseUri(suite.uri(service, "").toString()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*consumer=\"" + consumer + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static int partitions(String topic) {
        return producer.partitionsFor(topic).size();
    }

    /** A fresh record id that the producer's default partitioner puts on {@code partition}. */
    private static UUID keyOnPartition(String topic, int partition) {
        int partitions = partitions(topic);
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (Utils.toPositive(Utils.murmur2(candidate.toString().getBytes(StandardCharsets.UTF_8))) % partitions
                    == partition) {
                return candidate;
            }
        }
    }

    /** Sends a ledger CloudEvent about {@code subject}; returns its id. */
    private static String send(String topic, int partition, UUID subject, String type, long sequence, String data)
            throws Exception {
        String id = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(topic, partition, subject.toString(), cloudEvent(id, subject, type, sequence,
                data))).get();
        return id;
    }

    /**
     * A CloudEvent shaped as the services publish them, under the source of the service that publishes its type (a
     * consumer parks another source's messages before it reads them: that is not what these tests are about).
     */
    private static byte[] cloudEvent(String id, UUID subject, String type, long sequence, String data) {
        String source = type.startsWith("ledger.actor.") ? CloudEventSources.ACTORS_SERVICE
                : type.startsWith("ledger.agreement.") ? CloudEventSources.AGREEMENTS_SERVICE
                : CloudEventSources.EVENTS_SERVICE;
        return ("{\"specversion\": \"1.0\", \"id\": \"" + id + "\", \"source\": \"" + source + "\","
                + " \"type\": \"" + type + "\", \"subject\": \"" + subject + "\", \"time\": \"" + Instant.now() + "\","
                + " \"sequence\": " + sequence + ", \"principal\": \"poison-test@example.org\", \"correlationid\": \""
                + id + "\", \"datacontenttype\": \"application/json\", \"data\": " + data + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String battle(String actor) {
        return "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"BATTLE\", \"date\": \"2020-10-01\","
                + " \"actors\": [{\"actor\": \"" + actor + "\", \"role\": \"PERPETRATOR\"}], \"reason\": \"poison test\"}";
    }

    private static String violation(String date) {
        return "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"CEASEFIRE_VIOLATION\", \"date\": \"" + date + "\","
                + " \"actors\": [{\"actor\": \"POISON-ARM\", \"role\": \"PERPETRATOR\"}], \"agreement\": \""
                + agreementId + "\", \"term\": \"1\", \"reason\": \"poison test\"}";
    }

    private static RequestSpecification spec(Service service) {
        return new RequestSpecBuilder().setBaseUri(suite.uri(service, "").toString()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
    }

    private static RequestSpecification admin(Service service) {
        return new RequestSpecBuilder().setBaseUri(suite.uri(service, "").toString()).setContentType(ContentType.JSON)
                .addHeader("Authorization", ADMIN).build();
    }
}
