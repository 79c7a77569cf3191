package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
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
 * Imports the seed into the packaged actors-service, agreements-service and events-service (processes,
 * on a real in-process broker), checks the record through the APIs (the violations of a ceasefire reach
 * its agreement through the broker), then imports again with the packaged importer: nothing changes.
 */
class SeedImportIT {
    private static final Path SERVICE_JAR = Path.of(System.getProperty("ledger.actorsServiceJar",
            "../actors-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path EVENTS_SERVICE_JAR = Path.of(System.getProperty("ledger.eventsServiceJar",
            "../events-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path AGREEMENTS_SERVICE_JAR = Path.of(System.getProperty("ledger.agreementsServiceJar",
            "../agreements-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path IMPORTER_JAR = Path.of(System.getProperty("ledger.importerJar",
            "target/dataset-importer.jar"));
    private static final Path SEED = Path.of(System.getProperty("ledger.seedDir", "seed"));

    /** The services check tokens, as deployed; the importer writes as seed-importer, the test reads as a reader. */
    private static final Map<String, String> IMPORTER_ENVIRONMENT = Map.of(ImporterOptions.TOKEN_VARIABLE,
            TestTokens.bearer("seed-importer", "editor").substring("Bearer ".length()));
    private static final String READER = TestTokens.bearer("seed-import-test", "reader");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private String eventsBase;
    private String agreementsBase;

    @Test
    void theSeedImportsThroughTheApiAndASecondImportChangesNothing(@TempDir Path data) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
             ServiceProcess service = ServiceProcess.builder(SERVICE_JAR).name("actors-service")
                     .env(TestTokens.checksOnEnvironment()).portVariable("ACTORS_PORT")
                     .env("LEDGER_DATA", data.resolve("services").toString())
                     .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                     .log(Path.of("target", "seed-import-it.log"))
                     .start();
             ServiceProcess events = ServiceProcess.builder(EVENTS_SERVICE_JAR).name("events-service")
                     .env(TestTokens.checksOnEnvironment()).portVariable("EVENTS_PORT")
                     .env("LEDGER_DATA", data.resolve("events-service").toString())
                     .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                     .log(Path.of("target", "seed-import-it-events.log"))
                     .start();
             ServiceProcess agreementsService = ServiceProcess.builder(AGREEMENTS_SERVICE_JAR).name("agreements-service")
                     .env(TestTokens.checksOnEnvironment()).portVariable("AGREEMENTS_PORT")
                     .env("LEDGER_DATA", data.resolve("agreements-service").toString())
                     .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                     .log(Path.of("target", "seed-import-it-agreements.log"))
                     .start()) {
            base = service.baseUri();
            eventsBase = events.baseUri();
            agreementsBase = agreementsService.baseUri();

            // First import, in this JVM, of the actors and agreements: without --events-api the events are skipped.
            // agreements-service learns the actors from the broker; the importer waits until it knows them.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = DatasetImporter.run(new String[] {"--api", base, "--agreements-api", agreementsBase,
                    "--dir", SEED.toString(), "--principal", "seed-importer"}, IMPORTER_ENVIRONMENT, utf8(out), utf8(err));
            List<String> first = lines(out);
            assertThat(status).as("exit status; output:%n%s%n%s", out, err).isZero();
            assertThat(first).contains("+ actor TUR registered", "+ actor PUTIN registered",
                    "+ external id wikidata:Q43 of TUR added",
                    "+ relationship TUR SUPPORTS GNA (LIBYA) declared",
                    "+ relationship RUS CO_CHAIRS OSCE-MINSK (NAGORNO_KARABAKH, from 1992-01-01) declared");
            assertThat(first).contains("note: the 13 events of events.json are not imported: no --events-api given");
            assertThat(first).noneMatch(line -> line.startsWith("! "));
            assertThat(first.get(first.size() - 1)).isEqualTo("actors: 26 registered, 0 present;"
                    + " external ids: 13 added, 0 present; relationships: 42 declared, 0 present;"
                    + " agreements: 4 recorded, 0 present; terms: 19 added, 0 present; 0 failed");
            Map<String, String> agreementIds = agreementIds(first, "+ agreement ", " recorded (");
            assertThat(agreementIds).containsOnlyKeys("nk-statement-2020-11-09", "us-ceasefire-2020-10-26",
                    "libya-ceasefire-2020-10-23", "tr-ru-monitoring-memorandum-2020-11-11");
            assertThat(first).filteredOn(line -> line.startsWith("+ term ")).hasSize(19);
            String statementId = agreementIds.get("nk-statement-2020-11-09");
            String usCeasefireId = agreementIds.get("us-ceasefire-2020-10-26");

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

            // The agreements, read back through the agreements API.
            JsonNode statement = getAgreements("/api/v1/agreements/" + statementId);
            assertThat(statement.path("kind").asText()).isEqualTo("ARMISTICE");
            assertThat(statement.path("status").asText()).isEqualTo("IN_FORCE");
            assertThat(statement.path("inForceAt").asText()).isEqualTo("2020-11-09T21:00:00Z");
            assertThat(statement.path("inForceLocal").asText()).isEqualTo("2020-11-10T00:00:00");
            assertThat(statement.path("terms").asInt()).isEqualTo(15);
            List<String> signatories = new ArrayList<>();
            statement.path("signatories").forEach(actor -> signatories.add(actor.path("key").asText()));
            assertThat(signatories).containsExactly("ALIYEV", "PASHINYAN", "PUTIN");
            assertThat(getAgreements("/api/v1/agreements/" + agreementIds.get("tr-ru-monitoring-memorandum-2020-11-11"))
                    .path("complements")).singleElement().satisfies(id -> assertThat(id.asText()).isEqualTo(statementId));
            JsonNode recording = getAgreements("/api/v1/agreements/" + statementId + "/history").path("items").get(0);
            assertThat(recording.path("principal").asText()).isEqualTo("seed-importer");
            assertThat(recording.path("reason").asText()).startsWith("Seed record: ");
            assertThat(recording.path("sources").get(0).path("title").asText())
                    .isEqualTo("Seed document russia-turkey-2020.txt (untitled)");

            // Overdue on 2 December 2020 (UTC): the three returns of districts, the only terms whose deadline
            // (the last day, in Moscow time) had passed; Lachin's passed at 2020-12-01T21:00:00Z.
            assertThat(termTexts(statementId, "overdueAt=2020-12-02T00:00:00Z")).containsExactly(
                    "2 Agdam District returns to the Republic of Azerbaijan by 20 November 2020.",
                    "6 The Republic of Armenia will return to Azerbaijan the Kalbajar District by 15 November 2020.",
                    "7 The Republic of Armenia will return to Azerbaijan the Lachin District by 1 December 2020.");
            assertThat(termTexts(statementId, "overdueAt=2020-12-01T00:00:00Z")).hasSize(2);

            // The peacekeeping contingent's five years from 00:00 Moscow time on 10 November 2020, renewed once.
            JsonNode schedule = single(getAgreements("/api/v1/agreements/" + statementId
                    + "/schedule?at=2026-12-01T00:00:00Z"));
            assertThat(schedule.path("order").asInt()).isEqualTo(3);
            assertThat(schedule.path("state").asText()).isEqualTo("RUNNING");
            assertThat(schedule.path("renewals").asInt()).isEqualTo(1);
            assertThat(schedule.path("periodStartsAt").asText()).isEqualTo("2025-11-09T21:00:00Z");
            assertThat(schedule.path("expiresAt").asText()).isEqualTo("2030-11-09T21:00:00Z");
            assertThat(schedule.path("noticeDeadline").asText()).isEqualTo("2030-05-09T21:00:00Z");
            JsonNode peacekeeping = single(getAgreements("/api/v1/agreements/" + statementId
                    + "/terms?category=PEACEKEEPING"));
            assertThat(peacekeeping.path("conditions").get(0).path("kind").asText()).isEqualTo("IN_PARALLEL_WITH");
            assertThat(peacekeeping.path("conditions").get(0).path("termOrder").asInt()).isEqualTo(4);
            assertThat(peacekeeping.path("quantities")).extracting(q -> q.path("value").asInt())
                    .containsExactly(1960, 90, 380);

            // events-service learns the actors from the broker: wait until its replica knows them all.
            awaitReplicaKnows(DatasetReader.read(SEED).events().stream()
                    .flatMap(event -> event.actors().stream()).map(Dataset.EventActor::actor).distinct().toList());

            // Second import, in this JVM, with the events: the actors are present, the events recorded.
            out.reset();
            err.reset();
            status = DatasetImporter.run(new String[] {"--api", base, "--events-api", eventsBase,
                    "--agreements-api", agreementsBase, "--dir", SEED.toString(), "--principal", "seed-importer"},
                    IMPORTER_ENVIRONMENT, utf8(out), utf8(err));
            List<String> withEvents = lines(out);
            assertThat(status).as("exit status; output:%n%s%n%s", out, err).isZero();
            assertThat(withEvents).anyMatch(line -> line.startsWith("+ event idlib-airstrike-2020-02-27 recorded ("));
            assertThat(withEvents).noneMatch(line -> line.startsWith("! "));
            assertThat(withEvents.get(withEvents.size() - 1)).isEqualTo("actors: 0 registered, 26 present;"
                    + " external ids: 0 added, 13 present; relationships: 0 declared, 42 present;"
                    + " agreements: 0 recorded, 4 present; terms: 0 added,"
                    + " 19 present; events: 13 recorded, 0 present; 0 failed");
            assertThat(agreementIds(withEvents, "= agreement ", " already present (")).isEqualTo(agreementIds);

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

            // The violations of the US-brokered ceasefire name it; agreements-service follows them through the
            // broker and records them as evidence, turning its ceasefire term VIOLATED.
            List<String> violations = new ArrayList<>();
            for (JsonNode violation : getEvents("/api/v1/events?type=CEASEFIRE_VIOLATION").path("items")) {
                assertThat(violation.path("agreement").asText()).isEqualTo(usCeasefireId);
                violations.add(violation.path("id").asText());
            }
            assertThat(violations).hasSize(2);
            assertThat(getEvents("/api/v1/events?agreement=" + usCeasefireId).path("items")).hasSize(3);
            JsonNode usCeasefire = awaitViolations(usCeasefireId, 2);
            List<String> evidence = new ArrayList<>();
            usCeasefire.path("violations").forEach(violation -> {
                assertThat(violation.path("termReference").asText()).isEqualTo("1");
                assertThat(violation.path("withdrawn").asBoolean()).isFalse();
                evidence.add(violation.path("conflictEvent").asText());
            });
            assertThat(evidence).containsExactlyInAnyOrderElementsOf(violations);
            JsonNode ceasefire = single(getAgreements("/api/v1/agreements/" + usCeasefireId + "/terms"));
            assertThat(ceasefire.path("compliance").path("status").asText()).isEqualTo("VIOLATED");
            assertThat(ceasefire.path("compliance").path("automatic").asBoolean()).isTrue();
            Map<String, Long> agreementVersions = agreementVersions();
            assertThat(agreementVersions).hasSize(4);

            // Third import, with the packaged jar the way an operator runs it: nothing changes.
            ProcessBuilder importerProcess = new ProcessBuilder(java(), "-jar", IMPORTER_JAR.toString(),
                    "--api", base, "--events-api", eventsBase, "--agreements-api", agreementsBase,
                    "--dir", SEED.toString())
                    .redirectErrorStream(true);
            importerProcess.environment().putAll(IMPORTER_ENVIRONMENT);
            Process importer = importerProcess.start();
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
            assertThat(second).contains("= term nk-statement-2020-11-09#3 already present (" + peacekeeping.path("id")
                    .asText() + ")");
            assertThat(agreementIds(second, "= agreement ", " already present (")).isEqualTo(agreementIds);
            assertThat(second.get(second.size() - 1)).isEqualTo("actors: 0 registered, 26 present;"
                    + " external ids: 0 added, 13 present; relationships: 0 declared, 42 present;"
                    + " agreements: 0 recorded, 4 present; terms: 0 added,"
                    + " 19 present; events: 0 recorded, 13 present; 0 failed");

            assertThat(versions()).isEqualTo(versions);
            assertThat(agreementVersions()).isEqualTo(agreementVersions);
            assertThat(getAgreements("/api/v1/agreements/" + statementId).path("terms").asInt()).isEqualTo(15);
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

    /** Id of every agreement, by its dataset key, from the importer's lines {@code <prefix>KEY<middle>ID)}. */
    private static Map<String, String> agreementIds(List<String> lines, String prefix, String middle) {
        Map<String, String> ids = new TreeMap<>();
        for (String line : lines) {
            if (line.startsWith(prefix) && line.contains(middle) && line.endsWith(")")) {
                ids.put(line.substring(prefix.length(), line.indexOf(middle)),
                        line.substring(line.indexOf(middle) + middle.length(), line.length() - 1));
            }
        }
        return ids;
    }

    /** Agreement id to version of every agreement in the record. */
    private Map<String, Long> agreementVersions() throws IOException, InterruptedException {
        Map<String, Long> versions = new TreeMap<>();
        for (JsonNode agreement : getAgreements("/api/v1/agreements?limit=500").path("items")) {
            versions.put(agreement.path("id").asText(), agreement.path("version").asLong());
        }
        return versions;
    }

    /** "order text" of the agreement's terms the query selects. */
    private List<String> termTexts(String agreementId, String query) throws IOException, InterruptedException {
        List<String> terms = new ArrayList<>();
        for (JsonNode term : getAgreements("/api/v1/agreements/" + agreementId + "/terms?" + query).path("items")) {
            terms.add(term.path("order").asInt() + " " + term.path("text").asText());
        }
        return terms;
    }

    /** The agreement once it holds {@code count} violations: they travel through the broker (up to 60 s). */
    private JsonNode awaitViolations(String agreementId, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode agreement = getAgreements("/api/v1/agreements/" + agreementId);
            if (agreement.path("violations").size() >= count) {
                return agreement;
            }
            assertThat(System.nanoTime()).as("violations of %s after 60 s: %s", agreementId,
                    agreement.path("violations")).isLessThan(deadline);
            Thread.sleep(250);
        }
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
                        URI.create(eventsBase + "/api/v1/events?limit=1&actor=" + key)).header("Authorization", READER)
                        .GET().build(),
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

    private JsonNode getAgreements(String path) throws IOException, InterruptedException {
        return get(agreementsBase, path);
    }

    private JsonNode getEvents(String path) throws IOException, InterruptedException {
        return get(eventsBase, path);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return get(base, path);
    }

    private JsonNode get(String baseUri, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + path))
                        .header("Authorization", READER).GET().build(),
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
