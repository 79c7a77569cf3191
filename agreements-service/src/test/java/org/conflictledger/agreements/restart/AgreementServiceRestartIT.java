package org.conflictledger.agreements.restart;

import io.restassured.http.ContentType;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Stops the packaged service and starts it again on the same data: the agreement, its terms, history and hash
 * chain are intact, and a violation published while the service was down is applied after the restart, once.
 */
class AgreementServiceRestartIT {
    private static final String EDITOR = TestTokens.bearer("restart-test@example.org", "editor");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration TOPIC_LAG = Duration.ofSeconds(60);

    @Test
    void aViolationPublishedWhileTheServiceIsDownIsAppliedOnceAfterTheRestart(@TempDir Path data) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
             TopicEvents topics = new TopicEvents(broker.bootstrapServers())) {
            ServiceProcess.Builder service = ServiceProcess.builder(JAR).name("agreements-service")
                    .env(TestTokens.checksOnEnvironment()).portVariable("AGREEMENTS_PORT")
                    .env("LEDGER_DATA", data.resolve("services").toString())
                    .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                    .log(Path.of("target", "agreement-restart-it.log"));
            String key = "RST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            topics.actorRegistered(key, "Republic of Armenia");
            String agreement;
            String term;

            try (ServiceProcess first = service.start()) {
                String body = "{\"title\": \"Statement\", \"kind\": \"CEASEFIRE\", \"theater\": \"NAGORNO_KARABAKH\","
                        + " \"signedOn\": \"2020-11-09\", \"inForceAt\": \"2020-11-09T21:00:00Z\","
                        + " \"inForceZone\": \"Europe/Moscow\", \"signatories\": [\"" + key + "\"]}";
                String[] created = new String[1];
                await().atMost(TOPIC_LAG).until(() -> {
                    var response = editor(first).contentType(ContentType.JSON).body(body)
                            .post("/api/v1/agreements").then().extract();
                    created[0] = response.statusCode() == 201 ? response.path("id") : null;
                    return created[0] != null;
                });
                agreement = created[0];
                term = editor(first).contentType(ContentType.JSON)
                        .body("{\"order\": 1, \"text\": \"A complete ceasefire\", \"category\": \"CEASEFIRE\"}")
                        .post("/api/v1/agreements/" + agreement + "/terms").then().statusCode(201).extract().path("id");
                assertThat(first.stop()).isIn(0, ServiceProcess.SIGTERM_EXIT_CODE);
            }

            UUID conflictEvent = UUID.randomUUID();
            topics.violationReported(conflictEvent, UUID.fromString(agreement), "1", "2020-11-12");

            try (ServiceProcess second = service.start()) {
                await().atMost(TOPIC_LAG).untilAsserted(() -> editor(second)
                        .get("/api/v1/agreements/" + agreement + "/terms/" + term).then().statusCode(200)
                        .body("compliance.status", equalTo("VIOLATED")));
                editor(second).get("/api/v1/agreements/" + agreement).then().statusCode(200)
                        .header("ETag", "\"4\"")
                        .body("violations.conflictEvent", contains(conflictEvent.toString()));
                editor(second).get("/api/v1/agreements/" + agreement + "/history").then()
                        .body("items.sequence", contains(0, 1, 2, 3));
                editor(second).get("/api/v1/agreements/" + agreement + "/verify").then()
                        .body("valid", equalTo(true)).body("events", equalTo(4));
                assertThat(second.stop()).isIn(0, ServiceProcess.SIGTERM_EXIT_CODE);
            }
        }
    }

    /** A request to the service as an editor: the packaged service checks tokens, as deployed. */
    private static io.restassured.specification.RequestSpecification editor(ServiceProcess service) {
        return given().header("Authorization", EDITOR).baseUri(service.baseUri());
    }
}
