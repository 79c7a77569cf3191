package org.conflictledger.systemtests;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * actors-service, events-service and agreements-service, packaged and started as processes on one in-process Kafka
 * broker, driven only through their HTTP APIs: what is done to an actor in actors-service reaches the other two
 * through {@code ledger.actors.v1} (their actor replicas), and a violation reported in events-service reaches the
 * agreement it names through {@code ledger.events.v1}.
 */
class CrossServiceIT {
    /** The services check tokens, as deployed: these tests write (and read) as an editor. */
    private static final String EDITOR = TestTokens.bearer("system-test@example.org", "editor");
    private static final Path ACTORS_JAR = Path.of(System.getProperty("ledger.actorsServiceJar",
            "../actors-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path EVENTS_JAR = Path.of(System.getProperty("ledger.eventsServiceJar",
            "../events-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path AGREEMENTS_JAR = Path.of(System.getProperty("ledger.agreementsServiceJar",
            "../agreements-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path LOGS = Path.of(System.getProperty("ledger.systemTests.logDir", "target/system-tests"));

    /** How long a change in actors-service may take to reach events-service's replica. */
    private static final Duration REPLICA_LAG = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final AtomicInteger ACTOR_KEYS = new AtomicInteger();

    @TempDir
    static Path data;

    private static EmbeddedKafkaBroker broker;
    private static ServiceProcess actorsService;
    private static ServiceProcess eventsService;
    private static ServiceProcess agreementsService;
    private static RequestSpecification actors;
    private static RequestSpecification events;
    private static RequestSpecification agreements;

    @BeforeAll
    static void startTheSuite() throws Exception {
        broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
        actorsService = ServiceProcess.builder(ACTORS_JAR).name("actors-service")
                .env(TestTokens.checksOnEnvironment()).portVariable("ACTORS_PORT")
                .env("LEDGER_DATA", data.resolve("actors-service").toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("actors-service.log"))
                .start();
        eventsService = ServiceProcess.builder(EVENTS_JAR).name("events-service")
                .env(TestTokens.checksOnEnvironment()).portVariable("EVENTS_PORT")
                .env("LEDGER_DATA", data.resolve("events-service").toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("events-service.log"))
                .start();
        agreementsService = ServiceProcess.builder(AGREEMENTS_JAR).name("agreements-service")
                .env(TestTokens.checksOnEnvironment()).portVariable("AGREEMENTS_PORT")
                .env("LEDGER_DATA", data.resolve("agreements-service").toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("agreements-service.log"))
                .start();
        agreements = new RequestSpecBuilder().setBaseUri(agreementsService.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
        actors = new RequestSpecBuilder().setBaseUri(actorsService.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
        events = new RequestSpecBuilder().setBaseUri(eventsService.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        try {
            for (ServiceProcess service : new ServiceProcess[] {agreementsService, eventsService, actorsService}) {
                if (service != null) {
                    try (service) {
                        assertThat(service.stop()).as("%s's exit code after SIGTERM; see %s", service.name(), service.log())
                                .isIn(0, ServiceProcess.SIGTERM_EXIT_CODE);
                    }
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void aReportNamingActorsRegisteredInActorsServiceIsAcceptedOnceTheReplicaHasThem() {
        Actor russia = register("Russian Federation", "STATE");
        Actor turkey = register("Republic of Turkey", "STATE");

        ExtractableResponse<Response> created = reportOnceAccepted(report(russia, turkey));

        assertThat(created.header("Location")).endsWith("/api/v1/events/" + created.path("id"));
        given(events).get("/api/v1/events/" + created.path("id")).then().statusCode(200)
                .body("actors.actor", contains(russia.id(), turkey.id()))
                .body("actors.key", contains(russia.key(), turkey.key()))
                .body("actors.name", contains(russia.name(), turkey.name()))
                .body("actors.role", contains("PERPETRATOR", "TARGET"));
    }

    @Test
    void renamingAnActorInActorsServiceRenamesItInTheEventsThatNameIt() {
        Actor turkey = register("Republic of Turkey", "STATE");
        Actor armenia = register("Republic of Armenia", "STATE");
        String eventId = reportOnceAccepted(report(turkey, armenia)).path("id");

        given(actors).body("{\"name\": \"Republic of Türkiye\", \"reason\": \"Official English name since 2022\"}")
                .post("/api/v1/actors/" + turkey.key() + "/rename").then().statusCode(200)
                .body("name", equalTo("Republic of Türkiye"));

        await("events-service names the renamed actor by its new name").atMost(REPLICA_LAG).pollInterval(POLL)
                .untilAsserted(() -> given(events).get("/api/v1/events/" + eventId).then().statusCode(200)
                        .body("actors.key", contains(turkey.key(), armenia.key()))
                        .body("actors.name", contains("Republic of Türkiye", armenia.name())));
    }

    @Test
    void anActorRetractedInActorsServiceCannotBeNamedInANewReport() {
        Actor azerbaijan = register("Republic of Azerbaijan", "STATE");
        Actor mistaken = register("Registered In Error", "ARMED_GROUP");
        String eventId = reportOnceAccepted(report(azerbaijan, mistaken)).path("id");

        given(actors).body("{\"reason\": \"Registered in error\"}")
                .post("/api/v1/actors/" + mistaken.key() + "/retract").then().statusCode(200);

        // Wait for the replica with a report that is refused anyway (endDate before date), so waiting records
        // nothing: once the retraction has arrived, the refusal also names the retracted actor.
        String refusedAnyway = report(azerbaijan, mistaken).replace("}]}", "}], \"endDate\": \"2020-09-26\"}");
        await("events-service learns that " + mistaken.key() + " is retracted").atMost(REPLICA_LAG).pollInterval(POLL)
                .untilAsserted(() -> {
                    JsonPath problem = given(events).body(refusedAnyway).post("/api/v1/events").then().statusCode(400)
                            .extract().jsonPath();
                    assertThat(problem.getList("errors.field", String.class)).contains("endDate", "actors[1].actor");
                });

        given(events).body(report(azerbaijan, mistaken)).post("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("actors[1].actor"))
                .body("errors[0].message", containsString("retracted"));
        given(events).body(report(azerbaijan)).post("/api/v1/events").then().statusCode(201);

        // Nothing is deleted: the event reported before the retraction still names the actor.
        given(events).get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("actors.key", contains(azerbaijan.key(), mistaken.key()))
                .body("actors.name", contains(azerbaijan.name(), mistaken.name()));
    }

    @Test
    void aViolationReportedInEventsServiceTurnsTheTermViolatedInAgreementsService() {
        Actor azerbaijan = register("Republic of Azerbaijan", "STATE");
        Actor armenia = register("Republic of Armenia", "STATE");
        String statement = "{\"title\": \"Statement of 9 November 2020\", \"kind\": \"CEASEFIRE\","
                + " \"theater\": \"NAGORNO_KARABAKH\", \"signedOn\": \"2020-11-09\","
                + " \"inForceAt\": \"2020-11-09T21:00:00Z\", \"inForceZone\": \"Europe/Moscow\","
                + " \"signatories\": [\"" + azerbaijan.key() + "\", \"" + armenia.key() + "\"]}";
        String agreementId = onceActorsKnown(agreements, statement, "/api/v1/agreements", "signatories").path("id");
        String termId = given(agreements).body("{\"order\": 1, \"text\": \"A complete ceasefire from 00:00 Moscow time"
                        + " on 10 November 2020\", \"category\": \"CEASEFIRE\"}")
                .post("/api/v1/agreements/" + agreementId + "/terms").then().statusCode(201).extract().path("id");

        String violation = "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"CEASEFIRE_VIOLATION\", \"date\": \"2020-11-12\","
                + " \"actors\": [{\"actor\": \"" + armenia.key() + "\", \"role\": \"PERPETRATOR\"}],"
                + " \"agreement\": \"" + agreementId + "\", \"term\": \"1\", \"reason\": \"reported\"}";
        String eventId = reportOnceAccepted(violation).path("id");

        await("agreements-service turns the term violated").atMost(REPLICA_LAG).pollInterval(POLL)
                .untilAsserted(() -> given(agreements).get("/api/v1/agreements/" + agreementId + "/terms/" + termId)
                        .then().statusCode(200)
                        .body("compliance.status", equalTo("VIOLATED"))
                        .body("compliance.automatic", equalTo(true))
                        .body("compliance.evidence.conflictEvent", contains(eventId)));

        given(events).body("{\"reason\": \"misattributed\"}").post("/api/v1/events/" + eventId + "/retract").then()
                .statusCode(200);
        await("the retraction withdraws the evidence").atMost(REPLICA_LAG).pollInterval(POLL)
                .untilAsserted(() -> given(agreements).get("/api/v1/agreements/" + agreementId).then().statusCode(200)
                        .body("violations.withdrawn", contains(true)));
        given(agreements).get("/api/v1/agreements/" + agreementId + "/terms/" + termId).then()
                .body("compliance.status", equalTo("PENDING"));
    }

    /** Posts to a service with an actor replica until it accepts; until then it names only unknown actors. */
    private static ExtractableResponse<Response> onceActorsKnown(RequestSpecification service, String body, String path,
                                                                 String field) {
        AtomicReference<ExtractableResponse<Response>> accepted = new AtomicReference<>();
        await("the service accepts actors registered in actors-service").atMost(REPLICA_LAG).pollInterval(POLL)
                .until(() -> {
                    ExtractableResponse<Response> response = given(service).body(body).post(path).then().extract();
                    if (response.statusCode() == 201) {
                        accepted.set(response);
                        return true;
                    }
                    assertThat(response.statusCode()).as("refusal: %s", response.asString()).isEqualTo(400);
                    assertThat(response.jsonPath().getList("errors.field", String.class))
                            .as("refusal: %s", response.asString()).isNotEmpty()
                            .allMatch(f -> f.matches(field + "\\[\\d+]"));
                    return false;
                });
        return accepted.get();
    }

    private record Actor(String id, String key, String name) {
    }

    /** Registers an actor with a key no other test uses. */
    private static Actor register(String name, String kind) {
        String key = "SYS" + ACTOR_KEYS.incrementAndGet() + "-" + name.replaceAll("[^A-Za-z]", "").toUpperCase();
        ExtractableResponse<Response> created = given(actors)
                .body("{\"key\": \"" + key + "\", \"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}")
                .post("/api/v1/actors").then().statusCode(201)
                .body("key", equalTo(key)).body("name", equalTo(name))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/actors/" + id);
        return new Actor(id, key, name);
    }

    /** A battle report naming the first actor as perpetrator and the others as targets. */
    private static String report(Actor perpetrator, Actor... targets) {
        StringBuilder named = new StringBuilder("{\"actor\": \"" + perpetrator.key() + "\", \"role\": \"PERPETRATOR\"}");
        for (Actor target : targets) {
            named.append(", {\"actor\": \"").append(target.key()).append("\", \"role\": \"TARGET\"}");
        }
        return "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"BATTLE\", \"date\": \"2020-09-27\", \"actors\": ["
                + named + "]}";
    }

    /**
     * Posts the report until events-service accepts it. Until its replica has every actor named, it refuses the
     * report with a 400 naming those actors, and nothing else.
     */
    private static ExtractableResponse<Response> reportOnceAccepted(String report) {
        AtomicReference<ExtractableResponse<Response>> accepted = new AtomicReference<>();
        await("events-service accepts a report naming actors registered in actors-service").atMost(REPLICA_LAG)
                .pollInterval(POLL).until(() -> {
                    ExtractableResponse<Response> response = given(events).body(report).post("/api/v1/events").then()
                            .extract();
                    if (response.statusCode() == 201) {
                        accepted.set(response);
                        return true;
                    }
                    assertThat(response.statusCode()).as("refusal: %s", response.asString()).isEqualTo(400);
                    List<String> fields = response.jsonPath().getList("errors.field", String.class);
                    assertThat(fields).as("refusal: %s", response.asString()).isNotEmpty()
                            .allMatch(field -> field.matches("actors\\[\\d+]\\.actor"));
                    assertThat(response.jsonPath().getList("errors.message", String.class))
                            .allMatch(message -> message.startsWith("no actor has the id or key "));
                    return false;
                });
        return accepted.get();
    }
}
