package org.conflictledger.actors.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two packaged actors-service processes on one shared database (an H2 server) and one broker,
 * as two replicas behind a load balancer. Each tracking processor has one segment, so one
 * replica at a time holds the claim of the read model and one that of the outbox:
 * <ul>
 * <li>writes sent to either replica are readable from that replica as soon as they are answered
 * (read-your-writes), without waiting out the read-your-writes timeout on the replica that does
 * not process the read model;</li>
 * <li>the topic holds every event once, in sequence order per record;</li>
 * <li>a rebuild is refused (409) by the replica that does not process the read model;</li>
 * <li>when the replica publishing to the topic is killed, the other takes the claims over after
 * the claim timeout and publishes what is written next, once and in order.</li>
 * </ul>
 * The database runs as an H2 TCP server in this JVM rather than with {@code AUTO_SERVER=TRUE}:
 * with the latter the first process to open the file hosts the database, and killing it would
 * test H2's failover rather than the service's.
 */
class ActorReplicasIT {
    private static final String EDITOR = TestTokens.bearer("replicas-test@example.org", "editor");
    private static final String ADMIN = TestTokens.bearer("replicas-admin@example.org", "admin");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String READ_MODEL = "actor-read-model";
    private static final String OUTBOX = "kafka-outbox";
    private static final String SLOW_READ_MODEL = "did not reach event";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoReplicasShareOneDatabaseAndHandOverWhenOneDies(@TempDir Path data) throws Exception {
        int dbPort = freePort();
        Server database = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-ifNotExists",
                "-baseDir", data.resolve("h2").toString()).start();
        String jdbcUrl = "jdbc:h2:tcp://localhost:" + dbPort + "/actors";
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
             ServiceProcess a = replica("a", data, jdbcUrl, broker).start();
             ServiceProcess b = replica("b", data, jdbcUrl, broker).start()) {
            List<ServiceProcess> replicas = List.of(a, b);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    holder(jdbcUrl, READ_MODEL, replicas) != null && holder(jdbcUrl, OUTBOX, replicas) != null);
            ServiceProcess readModelHolder = holder(jdbcUrl, READ_MODEL, replicas);
            ServiceProcess other = readModelHolder == a ? b : a;

            // (a) Writes through both replicas are read back from the same replica at once.
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (ServiceProcess replica : List.of(a, b, other, readModelHolder)) {
                String key = "RPL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                String id = editor(replica).contentType(ContentType.JSON)
                        .body("{\"key\": \"" + key + "\", \"name\": \"Actor " + key + "\", \"kind\": \"ARMED_GROUP\"}")
                        .post("/api/v1/actors").then().statusCode(201)
                        .body("name", equalTo("Actor " + key)).extract().path("id");
                editor(replica).get("/api/v1/actors/" + key).then().statusCode(200).body("version", equalTo(1));
                editor(replica).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body("{\"name\": \"Renamed " + key + "\"}")
                        .post("/api/v1/actors/" + id + "/rename").then().statusCode(200)
                        .header("ETag", "\"2\"").body("name", equalTo("Renamed " + key));
                editor(replica).get("/api/v1/actors/" + id).then().statusCode(200)
                        .body("name", equalTo("Renamed " + key)).body("version", equalTo(2));
                expected.put(id, 2);
            }
            assertThat(Files.readString(other.log())).as("the replica without the read model's claim (%s) waited"
                    + " for no write", other).doesNotContain(SLOW_READ_MODEL);
            assertThat(Files.readString(readModelHolder.log())).doesNotContain(SLOW_READ_MODEL);

            // (b) Each event on the topic once, in sequence order per record.
            assertPublishedOnceInOrder(broker, expected);

            // A rebuild needs every claim: refused where another replica processes the read model.
            admin(other).post("/api/v1/actors/admin/read-model/rebuild").then().statusCode(409)
                    .body("type", equalTo("urn:conflict-ledger:problem:read-model-claimed"));
            // On the holder it runs. Its processor lets go of the claim for the reset, and the other replica may take
            // it in that moment: then the holder is refused too, and the rebuild is asked of the new holder.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    admin(holder(jdbcUrl, READ_MODEL, replicas)).post("/api/v1/actors/admin/read-model/rebuild").then()
                            .statusCode(200).body("actors", equalTo(expected.size())));

            // (c) Kill the replica that publishes; the other takes both claims over and publishes the rest.
            ServiceProcess publisher = holder(jdbcUrl, OUTBOX, replicas);
            ServiceProcess survivor = publisher == a ? b : a;
            publisher.close(); // SIGKILL: no claim is released, so the claim timeout has to pass
            await().atMost(Duration.ofSeconds(45)).until(() ->
                    holder(jdbcUrl, OUTBOX, replicas) == survivor && holder(jdbcUrl, READ_MODEL, replicas) == survivor);

            for (String id : List.copyOf(expected.keySet())) {
                editor(survivor).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                        .body("{\"name\": \"After failover " + id.substring(0, 8) + "\"}")
                        .post("/api/v1/actors/" + id + "/rename").then().statusCode(200).header("ETag", "\"3\"");
                expected.put(id, 3);
            }
            String key = "RPL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String id = editor(survivor).contentType(ContentType.JSON)
                    .body("{\"key\": \"" + key + "\", \"name\": \"Actor " + key + "\", \"kind\": \"STATE\"}")
                    .post("/api/v1/actors").then().statusCode(201).extract().path("id");
            expected.put(id, 1);
            // Nothing was in flight when the publisher died (everything had been acknowledged), so
            // nothing is published twice. Killed mid-batch it could have been (at least once).
            assertPublishedOnceInOrder(broker, expected);
            assertThat(Files.readString(survivor.log())).doesNotContain(SLOW_READ_MODEL);
            assertThat(survivor.stop()).isIn(0, ServiceProcess.SIGTERM_EXIT_CODE);
        } finally {
            database.stop();
        }
    }

    private static ServiceProcess.Builder replica(String name, Path data, String jdbcUrl, EmbeddedKafkaBroker broker)
            throws IOException {
        Path log = Path.of("target", "actor-replicas-" + name + ".log");
        Files.deleteIfExists(log);
        return ServiceProcess.builder(JAR).name("actors-service-" + name)
                .env(TestTokens.checksOnEnvironment()).portVariable("ACTORS_PORT")
                .env("LEDGER_DATA", data.resolve("services-" + name).toString())
                .env("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl)
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(log);
    }

    /** The replica holding the claim of the processor's (only) segment, or null if none of them does. */
    private static ServiceProcess holder(String jdbcUrl, String processor, List<ServiceProcess> replicas) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0")) {
            select.setString(1, processor);
            try (ResultSet row = select.executeQuery()) {
                String owner = row.next() ? row.getString(1) : null;
                return owner == null ? null : replicas.stream()
                        .filter(r -> owner.startsWith(r.pid() + "@")).findFirst().orElse(null);
            }
        }
    }

    /**
     * Consumes the topic from the start until every expected event arrived; each record's events
     * must be there exactly once, in sequence order (no duplicates, no gaps, no reordering).
     */
    private void assertPublishedOnceInOrder(EmbeddedKafkaBroker broker, Map<String, Integer> expected) {
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        try (KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
            consumer.subscribe(List.of(Topics.ACTORS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (expected.containsKey(record.key())) {
                        sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add(read(record.value()).get("sequence").asLong());
                    }
                });
                return sequences.values().stream().mapToInt(List::size).sum() >= total;
            });
            // Anything published twice would follow shortly: read on for a moment.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (expected.containsKey(record.key())) {
                    sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(read(record.value()).get("sequence").asLong());
                }
            });
        }
        expected.forEach((id, count) -> assertThat(sequences.get(id)).as("events of %s on the topic", id)
                .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList()));
    }

    private JsonNode read(byte[] value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedKafkaBroker broker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "replicas-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static RequestSpecification editor(ServiceProcess service) {
        return given().header("Authorization", EDITOR).baseUri(service.baseUri());
    }

    private static RequestSpecification admin(ServiceProcess service) {
        return given().header("Authorization", ADMIN).baseUri(service.baseUri());
    }
}
