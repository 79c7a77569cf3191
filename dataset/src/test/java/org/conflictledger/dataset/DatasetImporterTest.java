package org.conflictledger.dataset;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer's answers to a failing, absent or misused API, against a small fake of the actor API. */
class DatasetImporterTest {
    private static final String SOURCE = "[{\"title\": \"Seed document\"}]";
    private static final String DATASET = """
            {"actors": [
              {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %1$s,
               "relationships": [
                 {"kind": "OPPOSES", "counterpart": "TUR", "theater": "LIBYA", "reason": "r", "sources": %1$s},
                 {"kind": "SUPPORTS", "counterpart": "SYR", "theater": "SYRIA", "reason": "r", "sources": %1$s}
               ]},
              {"key": "TUR", "name": "Turkey", "kind": "STATE", "reason": "r", "sources": %1$s},
              {"key": "SYR", "name": "Syria", "kind": "STATE", "reason": "r", "sources": %1$s}
            ]}""".formatted(SOURCE);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> principals = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final List<String> eventBodies = new CopyOnWriteArrayList<>();
    private final List<String> agreementKeys = new CopyOnWriteArrayList<>();
    private final List<String> agreementBodies = new CopyOnWriteArrayList<>();
    private final Map<String, String> termBodies = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger replicaLag = new java.util.concurrent.atomic.AtomicInteger(1);
    private final java.util.concurrent.atomic.AtomicInteger termRefusals = new java.util.concurrent.atomic.AtomicInteger(1);
    private final java.util.concurrent.atomic.AtomicInteger rateLimitedWrites = new java.util.concurrent.atomic.AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startFakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/actors", this::answer);
        server.createContext("/api/v1/events", this::answerEvents);
        server.createContext("/api/v1/agreements", this::answerAgreements);
        server.start();
    }

    @AfterEach
    void stopFakeApi() {
        server.stop(0);
    }

    @Test
    void aRejectedWritePrintsTheProblemDetailCountsAsFailedAndSkipsWhatDependsOnIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);

        int status = run("--api", api(), "--dir", dir.toString(), "--principal", "tester", "--token", "t0k3n");

        assertThat(status).isEqualTo(DatasetImporter.FAILED);
        assertThat(output()).containsExactly(
                output().get(0),
                "+ actor RUS registered",
                "! actor TUR failed: HTTP 400 Invalid request: The request has invalid fields [name must not be Turkey]",
                "+ actor SYR registered",
                "! relationship RUS OPPOSES TUR (LIBYA) failed: skipped: counterpart TUR is not in the record",
                "+ relationship RUS SUPPORTS SYR (SYRIA) declared",
                "actors: 2 registered, 0 present; relationships: 1 declared, 0 present; 2 failed");
        assertThat(principals).isNotEmpty().containsOnly("tester");
        assertThat(authorizations).isNotEmpty().containsOnly("Bearer t0k3n");
    }

    @Test
    void aRateLimitedWriteIsSentAgainAfterItsRetryAfter(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), """
                {"actors": [{"key": "SYR", "name": "Syria", "kind": "STATE", "reason": "r", "sources": %s}]}"""
                .formatted(SOURCE));
        rateLimitedWrites.set(2);

        int status = run("--api", api(), "--dir", dir.toString());

        assertThat(status).as("output: %s %s", out, err).isEqualTo(DatasetImporter.OK);
        assertThat(output()).contains("+ actor SYR registered");
        assertThat(requests).as("the registration was refused twice, then sent again")
                .containsSubsequence("POST /api/v1/actors", "POST /api/v1/actors", "POST /api/v1/actors");
        assertThat(requests.stream().filter(r -> r.equals("POST /api/v1/actors")).count()).isEqualTo(3);
    }

    @Test
    void anInvalidDatasetIsReportedWithPathsAndNothingIsSent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET.replace("\"SYR\", \"theater\"", "\"SYX\", \"theater\"")
                .replace("\"key\": \"SYR\"", "\"key\": \"TUR\""));

        int status = run("--api", api(), "--dir", dir.toString());

        assertThat(status).isEqualTo(DatasetImporter.INVALID);
        assertThat(requests).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "actors.json $.actors[0].relationships[1].counterpart: unknown actor key SYX",
                "actors.json $.actors[2].key: duplicate key TUR (also at $.actors[1].key)");
    }

    @Test
    void anUnreachableApiIsSaidPlainlyAndExitsNonZero(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int status = run("--api", "http://127.0.0.1:" + closedPort, "--dir", dir.toString());

        assertThat(status).isEqualTo(DatasetImporter.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot reach the API at http://127.0.0.1:" + closedPort + " (connection refused)");
    }

    @Test
    void misuseIsAUsageError() {
        assertThat(run("--wait", "soon")).isEqualTo(DatasetImporter.INVALID);
        assertThat(run("--api", "localhost:8081")).isEqualTo(DatasetImporter.INVALID);
        assertThat(run("--dir")).isEqualTo(DatasetImporter.INVALID);
        assertThat(run("--agreements-api", "localhost:8083")).isEqualTo(DatasetImporter.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--wait needs a number of seconds",
                "--api must be an http(s) URL", "--dir needs a value", "--agreements-api must be an http(s) URL",
                "Usage:", "--agreements-api URL");
    }

    @Test
    void validateOnlyChecksTheSeedWithoutSending() {
        assertThat(run("--validate", "--dir", "seed", "--api", api())).isEqualTo(DatasetImporter.OK);
        assertThat(requests).isEmpty();
        assertThat(output()).contains(
                "Dataset seed is valid: 26 actors, 42 relationships, 4 agreements, 19 terms, 13 events.");
    }

    @Test
    void eventsAreReportedWithIdempotencyKeysAndAnEarlierResultCountsAsPresent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);
        Files.writeString(dir.resolve("events.json"), EVENTS);

        int status = run("--api", api(), "--events-api", api(), "--dir", dir.toString());

        assertThat(status).isEqualTo(DatasetImporter.FAILED);
        List<String> lines = output();
        assertThat(lines).contains(
                "+ event strike-one recorded (11111111-1111-1111-1111-111111111111)",
                "= event strike-two already present (22222222-2222-2222-2222-222222222222)",
                "! event with-turkey failed: skipped: actor TUR is not in the record");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(
                "actors: 2 registered, 0 present; relationships: 1 declared, 0 present;"
                        + " events: 1 recorded, 1 present; 3 failed");
        assertThat(idempotencyKeys).containsExactly("seed-strike-one", "seed-strike-two");
        assertThat(eventBodies.get(0)).contains("\"actors\":[{\"actor\":\"RUS\",\"role\":\"PERPETRATOR\"}",
                "\"fatalities\":{\"best\":3}", "\"subType\":\"AIR_DRONE_STRIKE\"").doesNotContain("\"key\"");
    }

    @Test
    void withoutAnEventsApiTheEventsAreCheckedAndSkippedWithANote(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);
        Files.writeString(dir.resolve("events.json"), EVENTS);

        run("--api", api(), "--dir", dir.toString());

        assertThat(output()).contains("note: the 3 events of events.json are not imported: no --events-api given");
        assertThat(output().get(output().size() - 1))
                .isEqualTo("actors: 2 registered, 0 present; relationships: 1 declared, 0 present; 2 failed");
        assertThat(requests).noneMatch(request -> request.contains("/api/v1/events"));
    }

    @Test
    void agreementsAreRecordedWithIdempotencyKeysAndTheirTermsAfterTheTermsTheirConditionsName(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);
        Files.writeString(dir.resolve("agreements.json"), AGREEMENTS);

        int status = run("--api", api(), "--agreements-api", api(), "--dir", dir.toString());

        assertThat(status).isEqualTo(DatasetImporter.FAILED);
        List<String> lines = output();
        assertThat(lines.get(0)).contains("then 3 agreements with 4 terms into " + api());
        assertThat(lines).containsSubsequence(
                "Waiting up to 60 s for " + api() + " to know actor(s) SYR ...",
                "= agreement sochi-memorandum already present (" + SOCHI + ")",
                "= term sochi-memorandum#1 already present (" + SOCHI_TERM + ")",
                "+ agreement moscow-protocol recorded (" + MOSCOW + ")",
                "+ term moscow-protocol#2 added (22222222-0000-0000-0000-000000000002)",
                "+ term moscow-protocol#1 added (22222222-0000-0000-0000-000000000001)",
                "! agreement with-turkey failed: skipped: actor TUR is not in the record",
                "! term with-turkey#1 failed: skipped: its agreement with-turkey is not in the record");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("actors: 2 registered, 0 present; relationships: 1 declared,"
                + " 0 present; agreements: 1 recorded, 1 present; terms: 2 added, 1 present; 4 failed");
        // The term refused once because agreements-service did not know an actor yet was retried.
        assertThat(agreementKeys).containsExactly("seed-agreement-sochi-memorandum", "seed-agreement-moscow-protocol",
                "seed-agreement-moscow-protocol-term-2", "seed-agreement-moscow-protocol-term-2",
                "seed-agreement-moscow-protocol-term-1");
        assertThat(agreementBodies.get(1)).contains("\"title\":\"Protocol\"", "\"signatories\":[\"RUS\",\"SYR\"]",
                "\"complements\":[\"" + SOCHI + "\"]", "\"inForceAt\":\"2020-03-05T21:01:00Z\"",
                "\"inForceZone\":\"Europe/Moscow\"").doesNotContain("\"key\"", "\"notes\"", "\"terms\"");
        assertThat(termBodies.get("seed-agreement-moscow-protocol-term-1")).contains("\"order\":1",
                "\"conditions\":[{\"kind\":\"AFTER\",\"term\":\"2\"}]",
                "\"duration\":{\"period\":\"P5Y\",\"autoRenew\":true,\"noticePeriod\":\"P6M\"}",
                "\"quantities\":[{\"value\":6,\"unit\":\"km\"}]", "\"obligated\":[\"RUS\"]")
                .doesNotContain("\"notes\"");
        assertThat(requests).noneMatch(request -> request.startsWith("POST /api/v1/agreements/" + SOCHI));
    }

    @Test
    void eventsNameTheirAgreementByTheIdItWasRecordedUnder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);
        Files.writeString(dir.resolve("agreements.json"), AGREEMENTS);
        Files.writeString(dir.resolve("events.json"), """
                {"events": [
                  {"key": "violation", "theater": "SYRIA", "type": "CEASEFIRE_VIOLATION", "date": "2020-03-06",
                   "actors": [{"actor": "RUS", "role": "PERPETRATOR"}], "agreement": "moscow-protocol", "term": "2",
                   "reason": "r", "sources": %1$s},
                  {"key": "turkish-violation", "theater": "SYRIA", "type": "CEASEFIRE_VIOLATION", "date": "2020-03-06",
                   "actors": [{"actor": "SYR", "role": "PERPETRATOR"}], "agreement": "with-turkey",
                   "reason": "r", "sources": %1$s}
                ]}""".formatted(SOURCE));

        run("--api", api(), "--agreements-api", api(), "--events-api", api(), "--dir", dir.toString());

        assertThat(output()).contains("+ event violation recorded (11111111-1111-1111-1111-111111111111)",
                "! event turkish-violation failed: skipped: agreement with-turkey is not in the record");
        assertThat(eventBodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"agreement\":\"" + MOSCOW + "\"", "\"term\":\"2\"", "\"type\":\"CEASEFIRE_VIOLATION\""));
        assertThat(output().get(output().size() - 1)).endsWith("agreements: 1 recorded, 1 present; terms: 2 added,"
                + " 1 present; events: 1 recorded, 0 present; 5 failed");
    }

    @Test
    void agreementsWithoutAReachableAgreementsApiFailBeforeAnythingIsSent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), DATASET);
        Files.writeString(dir.resolve("agreements.json"), AGREEMENTS);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int status = run("--api", api(), "--agreements-api", "http://127.0.0.1:" + closedPort, "--dir", dir.toString());

        assertThat(status).isEqualTo(DatasetImporter.UNREACHABLE);
        assertThat(requests).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the agreements API at http://127.0.0.1:"
                + closedPort + " (connection refused). agreements.json holds 3 agreements", "pass --agreements-api");
    }

    private static final String SOCHI = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";
    private static final String SOCHI_TERM = "cccccccc-cccc-cccc-cccc-cccccccccccc";
    private static final String MOSCOW = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb";
    private static final String AGREEMENTS = """
            {"agreements": [
              {"key": "moscow-protocol", "title": "Protocol", "kind": "CEASEFIRE", "theater": "SYRIA",
               "signedOn": "2020-03-05", "inForceAt": "2020-03-05T21:01:00Z", "inForceZone": "Europe/Moscow",
               "signatories": ["RUS", "SYR"], "complements": ["sochi-memorandum"], "notes": "not sent",
               "reason": "r", "sources": %1$s,
               "terms": [
                 {"order": 1, "text": "Corridor.", "category": "CORRIDOR", "obligated": ["RUS"],
                  "duration": {"period": "P5Y", "autoRenew": true, "noticePeriod": "P6M"},
                  "quantities": [{"value": 6, "unit": "km"}], "conditions": [{"kind": "AFTER", "term": 2}],
                  "notes": "not sent", "reason": "r", "sources": %1$s},
                 {"order": 2, "text": "Ceasefire.", "category": "CEASEFIRE", "obligated": ["RUS", "SYR"],
                  "reason": "r", "sources": %1$s}
               ]},
              {"key": "sochi-memorandum", "title": "Memorandum", "kind": "MEMORANDUM", "theater": "SYRIA",
               "signedOn": "2018-09-17", "signatories": ["RUS"], "reason": "r", "sources": %1$s,
               "terms": [{"order": 1, "text": "Zone.", "category": "MONITORING", "reason": "r", "sources": %1$s}]},
              {"key": "with-turkey", "title": "With Turkey", "kind": "CEASEFIRE", "theater": "SYRIA",
               "signedOn": "2020-03-05", "signatories": ["TUR"], "reason": "r", "sources": %1$s,
               "terms": [{"order": 1, "text": "t", "category": "CEASEFIRE", "reason": "r", "sources": %1$s}]}
            ]}""".formatted(SOURCE);

    /**
     * A fake agreements API: it learns SYR one poll late; sochi-memorandum was recorded by an earlier run
     * and has its term; the first attempt to add a term is refused as naming an actor it does not know yet.
     */
    private void answerAgreements(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst(AgreementsApi.IDEMPOTENCY_HEADER);
        if (method.equals("POST")) {
            requests.add(method + " " + path);
            agreementKeys.add(key);
        }
        String unknownActor = "{\"type\": \"urn:conflict-ledger:problem:validation\", \"title\": \"Invalid request\","
                + " \"status\": 400, \"detail\": \"The request has invalid fields\", \"errors\": [{\"field\":"
                + " \"signatory\", \"message\": \"no actor has the id or key SYR\"}]}";
        if (method.equals("GET") && path.equals("/api/v1/agreements")) {
            boolean lagging = query.contains("signatory=SYR") && replicaLag.getAndDecrement() > 0;
            respond(exchange, lagging ? 400 : 200, "application/json", lagging ? unknownActor : "{\"items\": [], \"next\": null}");
        } else if (method.equals("GET") && path.endsWith("/terms")) {
            respond(exchange, 200, "application/json", path.contains(SOCHI)
                    ? "{\"items\": [{\"id\": \"" + SOCHI_TERM + "\", \"order\": 1, \"text\": \"Zone.\","
                    + " \"category\": \"MONITORING\", \"obligated\": [], \"beneficiaries\": []}], \"next\": null}"
                    : "{\"items\": [], \"next\": null}");
        } else if (path.equals("/api/v1/agreements")) {
            agreementBodies.add(body);
            boolean earlier = "seed-agreement-sochi-memorandum".equals(key);
            respond(exchange, 201, "application/json", "{\"id\": \"" + (earlier ? SOCHI : MOSCOW)
                    + "\", \"recordedAt\": \"" + (earlier ? "2021-01-01T00:00:00Z" : java.time.Instant.now().plusSeconds(1))
                    + "\"}");
        } else if (termRefusals.getAndDecrement() > 0) {
            respond(exchange, 400, "application/problem+json", unknownActor);
        } else {
            termBodies.put(key, body);
            respond(exchange, 201, "application/json", "{\"id\": \"22222222-0000-0000-0000-00000000000"
                    + key.substring(key.length() - 1) + "\"}");
        }
    }

    private static final String EVENTS = """
            {"events": [
              {"key": "strike-one", "theater": "SYRIA", "type": "EXPLOSION_REMOTE_VIOLENCE",
               "subType": "AIR_DRONE_STRIKE", "date": "2020-02-27",
               "actors": [{"actor": "RUS", "role": "PERPETRATOR"}, {"actor": "SYR", "role": "TARGET"}],
               "fatalities": {"best": 3}, "reason": "r", "sources": %1$s},
              {"key": "strike-two", "theater": "SYRIA", "type": "BATTLE", "date": "2020-02-28",
               "actors": [{"actor": "SYR", "role": "PERPETRATOR"}], "reason": "r", "sources": %1$s},
              {"key": "with-turkey", "theater": "SYRIA", "type": "BATTLE", "date": "2020-02-29",
               "actors": [{"actor": "TUR", "role": "TARGET"}], "reason": "r", "sources": %1$s}
            ]}""".formatted(SOURCE);

    /**
     * A fake events API that knows every actor: strike-two was reported by an earlier run (an old
     * reportedAt), anything else is recorded now.
     */
    private void answerEvents(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + exchange.getRequestURI());
        if (method.equals("GET")) {
            respond(exchange, 200, "application/json", "{\"items\": [], \"next\": null}");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst(EventsApi.IDEMPOTENCY_HEADER);
        idempotencyKeys.add(key);
        eventBodies.add(body);
        boolean earlier = "seed-strike-two".equals(key);
        respond(exchange, 201, "application/json", "{\"id\": \"" + (earlier ? "22222222-2222-2222-2222-222222222222"
                : "11111111-1111-1111-1111-111111111111") + "\", \"reportedAt\": \""
                + (earlier ? "2021-01-01T00:00:00Z" : java.time.Instant.now().plusSeconds(1)) + "\"}");
    }

    /** A fake actor API: nothing is registered yet, Turkey is refused, everything else accepted. */
    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path);
        principals.add(String.valueOf(exchange.getRequestHeaders().getFirst(ActorsApi.PRINCIPAL_HEADER)));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (method.equals("POST") && rateLimitedWrites.getAndDecrement() > 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            respond(exchange, 429, "application/problem+json",
                    "{\"type\": \"urn:conflict-ledger:problem:rate-limited\", \"title\": \"Too many requests\", \"status\": 429}");
        } else if (method.equals("GET") && path.endsWith("/relationships")) {
            respond(exchange, 200, "application/json", "{\"items\": [], \"next\": null}");
        } else if (method.equals("GET")) {
            respond(exchange, 404, "application/problem+json",
                    "{\"type\": \"urn:conflict-ledger:problem:not-found\", \"title\": \"Not found\", \"status\": 404,"
                            + " \"detail\": \"No actor " + path + "\"}");
        } else if (path.equals("/api/v1/actors") && body.contains("\"key\":\"TUR\"")) {
            respond(exchange, 400, "application/problem+json",
                    "{\"type\": \"urn:conflict-ledger:problem:validation\", \"title\": \"Invalid request\", \"status\": 400,"
                            + " \"detail\": \"The request has invalid fields\","
                            + " \"errors\": [{\"field\": \"name\", \"message\": \"must not be Turkey\"}]}");
        } else {
            respond(exchange, 201, "application/json", "{\"id\": \"" + UUID.randomUUID() + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int run(String... args) {
        return DatasetImporter.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> output() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
