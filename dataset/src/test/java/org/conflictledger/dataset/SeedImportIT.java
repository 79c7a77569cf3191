package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the seed into the packaged actors-service and events-service (processes, on a real
 * in-process broker), checks the record through the APIs, then imports again with the packaged
 * importer: nothing changes.
 */
class SeedImportIT {
    private static final Path SERVICE_JAR = Path.of(System.getProperty("ledger.actorsServiceJar",
            "../actors-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path EVENTS_SERVICE_JAR = Path.of(System.getProperty("ledger.eventsServiceJar",
            "../events-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path IMPORTER_JAR = Path.of(System.getProperty("ledger.importerJar",
            "target/dataset-importer.jar"));
    private static final Path SEED = Path.of(System.getProperty("ledger.seedDir", "seed"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private String eventsBase;

    @Test
    void theSeedImportsThroughTheApiAndASecondImportChangesNothing(@TempDir Path data) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
             ServiceProcess service = ServiceProcess.builder(SERVICE_JAR).name("actors-service")
                     .portVariable("ACTORS_PORT")
                     .env("LEDGER_DATA", data.resolve("services").toString())
                     .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                     .log(Path.of("target", "seed-import-it.log"))
                     .start();
             ServiceProcess events = ServiceProcess.builder(EVENTS_SERVICE_JAR).name("events-service")
                     .portVariable("EVENTS_PORT")
                     .env("LEDGER_DATA", data.resolve("events-service").toString())
                     .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                     .log(Path.of("target", "seed-import-it-events.log"))
                     .start()) {
            base = service.baseUri();
            eventsBase = events.baseUri();

            // First import, in this JVM, of the actors only: without --events-api the events are skipped.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = DatasetImporter.run(new String[] {"--api", base, "--dir", SEED.toString(),
                    "--principal", "seed-importer"}, Map.of(), utf8(out), utf8(err));
            List<String> first = lines(out);
            assertThat(status).as("exit status; output:%n%s%n%s", out, err).isZero();
            assertThat(first).contains("+ actor TUR registered", "+ actor PUTIN registered",
                    "+ relationship TUR SUPPORTS GNA (LIBYA) declared",
                    "+ relationship RUS CO_CHAIRS OSCE-MINSK (NAGORNO_KARABAKH, from 1992-01-01) declared");
            assertThat(first).contains("note: the 13 events of events.json are not imported: no --events-api given");
            assertThat(first.get(first.size() - 1))
                    .isEqualTo("actors: 26 registered, 0 present; relationships: 42 declared, 0 present; 0 failed");

            // The record, read back through the API.
            Map<String, Long> versions = versions();
            assertThat(versions).hasSize(26);
            assertThat(outgoingRelationshipCount(versions.keySet())).isEqualTo(42);

            JsonNode turkey = get("/api/v1/actors/TUR");
            assertThat(turkey.path("kind").asText()).isEqualTo("STATE");
            assertThat(turkey.path("name").asText()).isEqualTo("Turkey");
            assertThat(get("/api/v1/actors/TUR/relationships?direction=outgoing&theater=LIBYA").path("items"))
                    .anySatisfy(relationship -> {
                        assertThat(relationship.path("kind").asText()).isEqualTo("SUPPORTS");
                        assertThat(relationship.path("counterpart").path("key").asText()).isEqualTo("GNA");
                    });

            List<String> coChairs = new ArrayList<>();
            for (JsonNode relationship : get("/api/v1/actors/OSCE-MINSK/relationships?direction=incoming&kind=CO_CHAIRS")
                    .path("items")) {
                assertThat(relationship.path("validFrom").asText()).isEqualTo("1992-01-01");
                coChairs.add(relationship.path("actor").path("key").asText());
            }
            assertThat(coChairs).containsExactlyInAnyOrder("RUS", "FRA", "USA");

            assertThat(get("/api/v1/actors/PUTIN").path("affiliation").asText())
                    .isEqualTo(get("/api/v1/actors/RUS").path("id").asText());
            assertThat(get("/api/v1/actors/RUS-PKF").path("affiliation").asText())
                    .isEqualTo(get("/api/v1/actors/RUS").path("id").asText());

            JsonNode registration = get("/api/v1/actors/TUR/history").path("items").get(0);
            assertThat(registration.path("principal").asText()).isEqualTo("seed-importer");
            assertThat(registration.path("reason").asText()).startsWith("Seed record: ");
            assertThat(registration.path("sources").get(0).path("title").asText())
                    .isEqualTo("Seed document russia-turkey-2020.txt (untitled)");
            assertThat(registration.path("correlationId").asText()).startsWith("dataset-import-");

            // events-service learns the actors from the broker: wait until its replica knows them all.
            awaitReplicaKnows(DatasetReader.read(SEED).events().stream()
                    .flatMap(event -> event.actors().stream()).map(Dataset.EventActor::actor).distinct().toList());

            // Second import, in this JVM, with the events: the actors are present, the events recorded.
            out.reset();
            err.reset();
            status = DatasetImporter.run(new String[] {"--api", base, "--events-api", eventsBase,
                    "--dir", SEED.toString(), "--principal", "seed-importer"}, Map.of(), utf8(out), utf8(err));
            List<String> withEvents = lines(out);
            assertThat(status).as("exit status; output:%n%s%n%s", out, err).isZero();
            assertThat(withEvents).anyMatch(line -> line.startsWith("+ event idlib-airstrike-2020-02-27 recorded ("));
            assertThat(withEvents).noneMatch(line -> line.startsWith("! "));
            assertThat(withEvents.get(withEvents.size() - 1)).isEqualTo("actors: 0 registered, 26 present;"
                    + " relationships: 0 declared, 42 present; events: 13 recorded, 0 present; 0 failed");

            // The events, read back through the events API.
            JsonNode idlib = single(getEvents("/api/v1/events?theater=SYRIA&type=EXPLOSION_REMOTE_VIOLENCE"
                    + "&from=2020-02-27&to=2020-02-27"));
            assertThat(idlib.path("date").asText()).isEqualTo("2020-02-27");
            assertThat(idlib.path("subType").asText()).isEqualTo("AIR_DRONE_STRIKE");
            assertThat(idlib.path("fatalities").path("best").asInt()).isEqualTo(34);
            assertThat(roles(idlib)).containsExactlyInAnyOrder("SYR PERPETRATOR", "RUS SUPPORTER", "TUR TARGET");
            assertThat(idlib.path("sources").get(0).path("title").asText())
                    .isEqualTo("Seed document russia-turkey-2020.txt (untitled)");

            List<String> karabakh = new ArrayList<>();
            for (JsonNode event : getEvents("/api/v1/events?theater=NAGORNO_KARABAKH&from=2020-09-27&to=2020-11-10"
                    + "&limit=100").path("items")) {
                karabakh.add(event.path("date").asText() + " " + event.path("type").asText());
            }
            assertThat(karabakh).isSortedAccordingTo((a, b) -> a.substring(0, 10).compareTo(b.substring(0, 10)));
            assertThat(karabakh).hasSize(7).startsWith("2020-09-27 BATTLE", "2020-10-09 NEGOTIATION")
                    .endsWith("2020-11-01 BATTLE", "2020-11-09 AGREEMENT_SIGNED")
                    .contains("2020-10-26 CEASEFIRE_DECLARED");
            assertThat(karabakh.subList(2, 5)).allMatch(event -> event.startsWith("2020-10-26 "));
            assertThat(getEvents("/api/v1/events?theater=NAGORNO_KARABAKH&from=2020-11-11&to=2020-11-11")
                    .path("items")).singleElement().satisfies(memorandum ->
                    assertThat(roles(memorandum)).containsExactlyInAnyOrder("TUR SIGNATORY", "RUS SIGNATORY"));
            JsonNode shusha = single(getEvents("/api/v1/events?q=Shusha&type=BATTLE&theater=NAGORNO_KARABAKH"));
            assertThat(shusha.path("datePrecision").asText()).isEqualTo("MONTH");
            int eventCount = getEvents("/api/v1/events?limit=500").path("items").size();
            assertThat(eventCount).isEqualTo(13);

            // Third import, with the packaged jar the way an operator runs it: nothing changes.
            Process importer = new ProcessBuilder(java(), "-jar", IMPORTER_JAR.toString(),
                    "--api", base, "--events-api", eventsBase, "--dir", SEED.toString())
                    .redirectErrorStream(true).start();
            String output = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(importer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(importer.exitValue()).as("exit status; output:%n%s", output).isZero();
            List<String> second = output.lines().toList();
            assertThat(second).contains("= actor TUR already present",
                    "= relationship TUR SUPPORTS GNA (LIBYA) already present");
            assertThat(second).noneMatch(line -> line.startsWith("+ ") || line.startsWith("! ")
                    || line.contains("differs"));
            assertThat(second).anyMatch(line -> line.equals("= event idlib-airstrike-2020-02-27 already present ("
                    + idlib.path("id").asText() + ")"));
            assertThat(second.get(second.size() - 1)).isEqualTo("actors: 0 registered, 26 present;"
                    + " relationships: 0 declared, 42 present; events: 0 recorded, 13 present; 0 failed");

            assertThat(versions()).isEqualTo(versions);
            assertThat(outgoingRelationshipCount(versions.keySet())).isEqualTo(42);
            assertThat(getEvents("/api/v1/events?limit=500").path("items").size()).isEqualTo(eventCount);
        }
    }

    /** Key to version of every actor in the record. */
    private Map<String, Long> versions() throws IOException, InterruptedException {
        Map<String, Long> versions = new TreeMap<>();
        for (JsonNode actor : get("/api/v1/actors?limit=500").path("items")) {
            versions.put(actor.path("key").asText(), actor.path("version").asLong());
        }
        return versions;
    }

    private int outgoingRelationshipCount(Iterable<String> keys) throws IOException, InterruptedException {
        int count = 0;
        for (String key : keys) {
            count += get("/api/v1/actors/" + key + "/relationships?direction=outgoing").path("items").size();
        }
        return count;
    }

    /** Waits until events-service answers a list filtered by each actor (200, not 400: it knows the actor). */
    private void awaitReplicaKnows(List<String> keys) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String key : keys) {
            while (true) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(eventsBase + "/api/v1/events?limit=1&actor=" + key)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    break;
                }
                assertThat(response.statusCode()).as("GET events?actor=%s: %s", key, response.body()).isEqualTo(400);
                assertThat(System.nanoTime()).as("events-service still does not know actor %s", key)
                        .isLessThan(deadline);
                Thread.sleep(250);
            }
        }
    }

    private static JsonNode single(JsonNode page) {
        assertThat(page.path("items")).as("items of %s", page).hasSize(1);
        return page.path("items").get(0);
    }

    private static List<String> roles(JsonNode event) {
        List<String> roles = new ArrayList<>();
        event.path("actors").forEach(actor -> roles.add(actor.path("key").asText() + " " + actor.path("role").asText()));
        return roles;
    }

    private JsonNode getEvents(String path) throws IOException, InterruptedException {
        return get(eventsBase, path);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return get(base, path);
    }

    private JsonNode get(String baseUri, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static PrintStream utf8(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static List<String> lines(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
