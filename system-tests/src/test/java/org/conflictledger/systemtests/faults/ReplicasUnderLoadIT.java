package org.conflictledger.systemtests.faults;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.systemtests.faults.Suite.Service;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two packaged replicas each of events-service and agreements-service, as production runs them: each pair on one
 * database (an H2 server in this JVM, which the kills leave alone) and all on one broker. Writers post violations to
 * both events-service replicas; then the events-service replica that holds the outbox's claim and the
 * agreements-service replica that holds its own are killed ({@code kill -9}) at once. The survivors take the claims
 * over: nothing acknowledged is lost, nothing is published twice, each violation is recorded once on its agreement
 * (the violation follower's partitions move to the surviving replica), and a write on either survivor is readable
 * there at once.
 */
class ReplicasUnderLoadIT {
    private static final String EDITOR = TestTokens.bearer("replicas-test@example.org", "editor");
    private static final String OUTBOX = "kafka-outbox";
    private static final Path LOGS = Path.of(System.getProperty("ledger.systemTests.logDir", "target/system-tests"));
    private static final Duration LAG = Duration.ofSeconds(120);

    @Test
    void killingTheReplicasThatPublishUnderLoadLosesNothingAndRepeatsNothing(@TempDir Path data) throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                data.resolve("h2").toString()).start();
        String events = "jdbc:h2:tcp://localhost:" + database.getPort() + "/events";
        String agreements = "jdbc:h2:tcp://localhost:" + database.getPort() + "/agreements";
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
             ServiceProcess actors = service(Service.ACTORS, "1", data, null, broker);
             ServiceProcess eventsA = service(Service.EVENTS, "a", data, events, broker);
             ServiceProcess eventsB = service(Service.EVENTS, "b", data, events, broker);
             ServiceProcess agreementsA = service(Service.AGREEMENTS, "a", data, agreements, broker);
             ServiceProcess agreementsB = service(Service.AGREEMENTS, "b", data, agreements, broker)) {
            for (String key : List.of("RPL-AZE", "RPL-ARM")) {
                given(spec(actors)).body("{\"key\": \"" + key + "\", \"name\": \"" + key + "\", \"kind\": \"STATE\"}")
                        .post("/api/v1/actors").then().statusCode(201);
            }
            String[] agreementId = new String[1];
            await("agreements-service's replicas know the signatories").atMost(LAG).until(() -> {
                var recorded = given(spec(agreementsA)).body(AGREEMENT).post("/api/v1/agreements");
                agreementId[0] = recorded.statusCode() == 201 ? recorded.path("id") : null;
                return agreementId[0] != null;
            });
            given(spec(agreementsB)).body("{\"order\": 1, \"text\": \"A complete ceasefire\", \"category\": \"CEASEFIRE\"}")
                    .post("/api/v1/agreements/" + agreementId[0] + "/terms").then().statusCode(201);
            await("events-service's replicas know the actors").atMost(LAG).until(() ->
                    given(spec(eventsA)).body(violation(agreementId[0], 0)).post("/api/v1/events").statusCode() == 201
                            && given(spec(eventsB)).body(violation(agreementId[0], 0)).post("/api/v1/events").statusCode() == 201);

            List<ServiceProcess> eventReplicas = new CopyOnWriteArrayList<>(List.of(eventsA, eventsB));
            AtomicInteger turn = new AtomicInteger();
            WriteLoad load = WriteLoad.start(4, () -> URI.create(
                            eventReplicas.get(Math.floorMod(turn.getAndIncrement(), eventReplicas.size())).baseUri()
                                    + "/api/v1/events"), EDITOR, n -> violation(agreementId[0], n));
            Thread.sleep(3000);
            ServiceProcess eventsPublisher = holder(events, List.of(eventsA, eventsB));
            ServiceProcess agreementsPublisher = holder(agreements, List.of(agreementsA, agreementsB));
            eventReplicas.remove(eventsPublisher);
            eventsPublisher.close();
            agreementsPublisher.close();
            int beforeKill = load.acknowledged().size();
            Thread.sleep(4000);
            load.close();
            ServiceProcess eventsSurvivor = eventsPublisher == eventsA ? eventsB : eventsA;
            ServiceProcess agreementsSurvivor = agreementsPublisher == agreementsA ? agreementsB : agreementsA;
            System.out.printf("replicas: killed %s and %s under load: attempted %d, acknowledged %d (%d before the"
                            + " kill), unanswered %d, refused %s%n", eventsPublisher.name(), agreementsPublisher.name(),
                    load.attempted(), load.acknowledged().size(), beforeKill, load.unanswered(), load.refusedByStatus());
            assertThat(load.refusedByStatus()).isEmpty();

            TopicContents topic = AcknowledgedWrites.checkRecordAndTopic("events-service replicas",
                    spec(eventsSurvivor), "/api/v1/events", load.acknowledged(), broker.bootstrapServers(),
                    Service.EVENTS.topic, ".reported.v1");
            Set<String> reported = new HashSet<>(topic.subjectsOf(".reported.v1"));
            await("the surviving agreements-service replica records every violation once").atMost(LAG).untilAsserted(() -> {
                List<String> evidence = given(spec(agreementsSurvivor)).get("/api/v1/agreements/" + agreementId[0])
                        .then().statusCode(200).extract().jsonPath().getList("violations.conflictEvent", String.class);
                assertThat(new HashSet<>(evidence)).containsAll(reported);
                assertThat(evidence).doesNotHaveDuplicates();
            });
            await("the agreements topic catches up").atMost(LAG).until(() ->
                    TopicContents.read(broker.bootstrapServers(), Service.AGREEMENTS.topic)
                            .subjectsOf(".violation-evidence-recorded.v1").size() >= reported.size());
            TopicContents agreementTopic = TopicContents.read(broker.bootstrapServers(), Service.AGREEMENTS.topic);
            System.out.printf("replicas: %s has %d CloudEvents, %d duplicated%n", Service.AGREEMENTS.topic,
                    agreementTopic.events().size(), agreementTopic.duplicates());
            assertThat(agreementTopic.duplicates()).as("CloudEvents on %s more than once", Service.AGREEMENTS.topic).isZero();
            assertThat(agreementTopic.inSequencePerRecord()).isTrue();

            // Read-your-writes on the survivors, which now process everything.
            String id = given(spec(eventsSurvivor)).body(violation(agreementId[0], -1)).post("/api/v1/events").then()
                    .statusCode(201).extract().path("id");
            given(spec(eventsSurvivor)).get("/api/v1/events/" + id).then().statusCode(200).body("version", equalTo(1));
        } finally {
            database.stop();
        }
    }

    private static final String AGREEMENT = "{\"title\": \"Replica test\", \"kind\": \"CEASEFIRE\","
            + " \"theater\": \"NAGORNO_KARABAKH\", \"signedOn\": \"2020-11-09\", \"inForceAt\": \"2020-11-09T21:00:00Z\","
            + " \"inForceZone\": \"Europe/Moscow\", \"signatories\": [\"RPL-AZE\", \"RPL-ARM\"]}";

    private static String violation(String agreementId, int n) {
        return "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"CEASEFIRE_VIOLATION\", \"date\": \"2020-11-12\","
                + " \"actors\": [{\"actor\": \"RPL-ARM\", \"role\": \"PERPETRATOR\"}], \"notes\": \"report " + n + "\","
                + " \"agreement\": \"" + agreementId + "\", \"term\": \"1\", \"reason\": \"replicas test\"}";
    }

    private static ServiceProcess service(Service service, String replica, Path data, String jdbcUrl,
                                          EmbeddedKafkaBroker broker) throws Exception {
        ServiceProcess.Builder builder = ServiceProcess.builder(service.jar()).name(service.name + "-" + replica)
                .env(TestTokens.checksOnEnvironment()).portVariable(service.portVariable)
                .env("LEDGER_DATA", data.resolve(service.name + "-" + replica).toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("replicas-" + service.name + "-" + replica + ".log"));
        if (jdbcUrl != null) {
            builder.env("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        }
        return builder.start();
    }

    /** The replica holding the outbox's claim, waiting until one does. */
    private static ServiceProcess holder(String jdbcUrl, List<ServiceProcess> replicas) {
        ServiceProcess[] holder = new ServiceProcess[1];
        await("a replica holds the outbox's claim").atMost(LAG).until(() -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0")) {
                select.setString(1, OUTBOX);
                try (ResultSet row = select.executeQuery()) {
                    String owner = row.next() ? row.getString(1) : null;
                    holder[0] = owner == null ? null : replicas.stream()
                            .filter(r -> owner.startsWith(r.pid() + "@")).findFirst().orElse(null);
                }
            }
            return holder[0] != null;
        });
        return holder[0];
    }

    private static RequestSpecification spec(ServiceProcess service) {
        return new RequestSpecBuilder().setBaseUri(service.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
    }
}
