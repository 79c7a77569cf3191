package org.conflictledger.systemtests.faults;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.systemtests.faults.Suite.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults while several clients write: {@code kill -9} of each service, then a restart on the same data; the broker
 * stopped and started again. Every write that was acknowledged is in the record and its history, on the service's
 * topic exactly once and in order, and applied downstream; the topic holds nothing the record does not. Each test
 * prints its counts.
 */
class FaultsUnderLoadIT {
    private static final String EDITOR = TestTokens.bearer("fault-test@example.org", "editor");
    private static final int CLIENTS = Integer.getInteger("ledger.faults.clients", 4);
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
    private static final Duration DOWNSTREAM_LAG = Duration.ofSeconds(120);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);

    @TempDir
    static Path data;

    private static Suite suite;
    private static String agreementId;

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.start(data);
        System.out.println("fault tests on " + suite.store());
        for (String key : List.of("KILL-AZE", "KILL-ARM")) {
            given(spec(Service.ACTORS)).body("{\"key\": \"" + key + "\", \"name\": \"" + key + "\", \"kind\": \"STATE\"}")
                    .post("/api/v1/actors").then().statusCode(201);
        }
        await("agreements-service's replica has the signatories").atMost(DOWNSTREAM_LAG).until(() -> {
            var recorded = given(spec(Service.AGREEMENTS)).body(agreement(0)).post("/api/v1/agreements");
            agreementId = recorded.statusCode() == 201 ? recorded.path("id") : null;
            return agreementId != null;
        });
        given(spec(Service.AGREEMENTS)).body("{\"order\": 1, \"text\": \"A complete ceasefire\", \"category\": \"CEASEFIRE\"}")
                .post("/api/v1/agreements/" + agreementId + "/terms").then().statusCode(201);
        await("events-service's replica has the actors").atMost(DOWNSTREAM_LAG).until(() ->
                given(spec(Service.EVENTS)).body(violation(0)).post("/api/v1/events").statusCode() == 201);
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void eventsServiceKilledUnderLoadKeepsEveryAcknowledgedReportAndTheFollowerAppliesEachOnce() throws Exception {
        Set<String> acknowledged = killUnderLoad(Service.EVENTS, "/api/v1/events", FaultsUnderLoadIT::violation);

        TopicContents topic = checkRecordAndTopic(Service.EVENTS, acknowledged, ".reported.v1");

        Set<String> reported = new HashSet<>(topic.subjectsOf(".reported.v1"));
        await("agreements-service records every reported violation").atMost(DOWNSTREAM_LAG).untilAsserted(() -> {
            List<String> evidence = given(spec(Service.AGREEMENTS)).get("/api/v1/agreements/" + agreementId).then()
                    .statusCode(200).extract().jsonPath().getList("violations.conflictEvent", String.class);
            assertThat(new HashSet<>(evidence)).as("violations recorded on the agreement").containsAll(reported);
            assertThat(evidence).as("each violation recorded once").doesNotHaveDuplicates();
        });
    }

    @Test
    void actorsServiceKilledUnderLoadKeepsEveryAcknowledgedActorAndTheReplicasHaveThem() throws Exception {
        Set<String> acknowledged = killUnderLoad(Service.ACTORS, "/api/v1/actors", n -> "{\"key\": \"KILL-A" + n
                + "\", \"name\": \"Actor " + n + " of the kill test\", \"kind\": \"ARMED_GROUP\"}");

        TopicContents topic = checkRecordAndTopic(Service.ACTORS, acknowledged, ".registered.v1");

        List<String> registered = topic.subjectsOf(".registered.v1");
        for (int from = 0; from < registered.size(); from += 20) {
            List<String> chunk = registered.subList(from, Math.min(registered.size(), from + 20));
            StringBuilder named = new StringBuilder();
            chunk.forEach(id -> named.append(named.isEmpty() ? "" : ", ")
                    .append("{\"actor\": \"").append(id).append("\", \"role\": \"PERPETRATOR\"}"));
            String report = "{\"theater\": \"SYRIA\", \"type\": \"BATTLE\", \"date\": \"2020-03-01\", \"actors\": ["
                    + named + "]}";
            await("events-service's replica has every registered actor").atMost(DOWNSTREAM_LAG).until(() ->
                    given(spec(Service.EVENTS)).body(report).post("/api/v1/events").statusCode() == 201);
        }
    }

    @Test
    void agreementsServiceKilledUnderLoadKeepsEveryAcknowledgedAgreement() throws Exception {
        Set<String> acknowledged = killUnderLoad(Service.AGREEMENTS, "/api/v1/agreements", FaultsUnderLoadIT::agreement);

        checkRecordAndTopic(Service.AGREEMENTS, acknowledged, ".recorded.v1");
    }

    @Test
    void theBrokerStoppedAndStartedAgainUnderLoadLosesNothingAndTheOutboxResumesInOrder() throws Exception {
        WriteLoad load = WriteLoad.start(CLIENTS, () -> suite.uri(Service.ACTORS, "/api/v1/actors"), EDITOR,
                n -> "{\"key\": \"BROKER-A" + n + "\", \"name\": \"Actor " + n + " of the broker test\", \"kind\": \"ARMED_GROUP\"}");
        Thread.sleep(2000);
        suite.stopBroker();
        int beforeStop = load.acknowledged().size();
        Thread.sleep(BROKER_DOWN.toMillis());
        int whileDown = load.acknowledged().size() - beforeStop;
        suite.startBroker();
        Thread.sleep(2000);
        load.close();
        System.out.printf("broker stopped for %s under load: clients %d, attempted %d, acknowledged %d (%d while the"
                        + " broker was down), unanswered %d, refused %s%n", BROKER_DOWN, CLIENTS, load.attempted(),
                load.acknowledged().size(), whileDown, load.unanswered(), load.refusedByStatus());
        assertThat(whileDown).as("writes acknowledged while the broker was down: the store is the source of truth")
                .isGreaterThan(0);
        assertThat(load.unanswered()).as("writes left unanswered (no service went down)").isZero();
        assertThat(load.refusedByStatus()).isEmpty();

        checkRecordAndTopic(Service.ACTORS, load.acknowledged(), ".registered.v1");
    }

    @Test
    void concurrentConflictingCorrectionsOfOneRecordHaveExactlyOneWinnerEachRound() throws Exception {
        String id = given(spec(Service.EVENTS)).body(violation(-1)).post("/api/v1/events").then().statusCode(201)
                .extract().path("id");
        int clients = 8;
        int version = 1;
        for (String ifMatch : new String[] {"\"1\"", null}) {
            List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Thread> writers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String notes = "correction " + i + (ifMatch == null ? " without If-Match" : " at version 1");
                Thread writer = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    var request = given(spec(Service.EVENTS)).body("{\"notes\": \"" + notes + "\", \"reason\": \"race\"}");
                    if (ifMatch != null) {
                        request.header("If-Match", ifMatch);
                    }
                    statuses.add(request.post("/api/v1/events/" + id + "/corrections").statusCode());
                });
                writers.add(writer);
                writer.start();
            }
            start.countDown();
            for (Thread writer : writers) {
                writer.join(60_000);
            }
            long won = statuses.stream().filter(status -> status == 200).count();
            System.out.printf("%d concurrent corrections %s: %d won, answers %s%n", clients,
                    ifMatch == null ? "without If-Match" : "with If-Match " + ifMatch, won, statuses);
            assertThat(statuses).hasSize(clients).allMatch(status -> status == 200 || status == 412 || status == 409);
            if (ifMatch != null) {
                assertThat(won).as("winners among corrections naming the same version").isEqualTo(1);
            } else {
                assertThat(won).as("winners among corrections without If-Match").isGreaterThanOrEqualTo(1);
            }
            version += (int) won;
            var history = given(spec(Service.EVENTS)).get("/api/v1/events/" + id + "/history").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(history.getList("items")).as("changes recorded: the report and each winner").hasSize(version);
        }
    }

    /** Writes with {@link #CLIENTS} clients, kills the service mid-load, starts it again and stops the load. */
    private static Set<String> killUnderLoad(Service service, String path, IntFunction<String> body) throws Exception {
        WriteLoad load = WriteLoad.start(CLIENTS, () -> suite.uri(service, path), EDITOR, body);
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        suite.kill(service);
        int acknowledgedBeforeKill = load.acknowledged().size();
        suite.start(service);
        Thread.sleep(1000);
        load.close();
        System.out.printf("%s kill -9 under load: clients %d, attempted %d, acknowledged %d (%d before the kill),"
                        + " unanswered %d, refused %s%n", service.name, CLIENTS, load.attempted(),
                load.acknowledged().size(), acknowledgedBeforeKill, load.unanswered(), load.refusedByStatus());
        assertThat(acknowledgedBeforeKill).as("writes acknowledged before the kill").isGreaterThan(0);
        assertThat(load.refusedByStatus()).as("answers that were neither 2xx nor a broken connection").isEmpty();
        return load.acknowledged();
    }

    private static TopicContents checkRecordAndTopic(Service service, Set<String> acknowledged, String creation) {
        return AcknowledgedWrites.checkRecordAndTopic(service.name, spec(service),
                "/api/v1/" + service.topic.split("\\.")[1], acknowledged, suite.bootstrapServers(), service.topic,
                creation);
    }

    private static RequestSpecification spec(Service service) {
        return new RequestSpecBuilder().setBaseUri(suite.uri(service, "").toString()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
    }

    private static String violation(int n) {
        return "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"CEASEFIRE_VIOLATION\", \"date\": \"2020-11-12\","
                + " \"actors\": [{\"actor\": \"KILL-ARM\", \"role\": \"PERPETRATOR\"}], \"notes\": \"report " + n + "\","
                + (agreementId == null ? "" : " \"agreement\": \"" + agreementId + "\", \"term\": \"1\",")
                + " \"reason\": \"kill test\"}";
    }

    private static String agreement(int n) {
        return "{\"title\": \"Kill test " + n + "\", \"kind\": \"CEASEFIRE\", \"theater\": \"NAGORNO_KARABAKH\","
                + " \"signedOn\": \"2020-11-09\", \"inForceAt\": \"2020-11-09T21:00:00Z\","
                + " \"inForceZone\": \"Europe/Moscow\", \"signatories\": [\"KILL-AZE\", \"KILL-ARM\"]}";
    }
}
