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
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startFakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/actors", this::answer);
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--wait needs a number of seconds",
                "--api must be an http(s) URL", "--dir needs a value", "Usage:");
    }

    @Test
    void validateOnlyChecksTheSeedWithoutSending() {
        assertThat(run("--validate", "--dir", "seed", "--api", api())).isEqualTo(DatasetImporter.OK);
        assertThat(requests).isEmpty();
        assertThat(output()).contains("Dataset seed is valid: 26 actors, 42 relationships.");
    }

    /** A fake actor API: nothing is registered yet, Turkey is refused, everything else accepted. */
    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path);
        principals.add(String.valueOf(exchange.getRequestHeaders().getFirst(ActorsApi.PRINCIPAL_HEADER)));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (method.equals("GET") && path.endsWith("/relationships")) {
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
