package org.conflictledger.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.openapi.OpenApiRules;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.systemtests.openapi.GeneratedJavaClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The whole suite as processes — broker, the three services and the gateway — with the seed record imported by
 * the packaged importer through the gateway, then used only through the gateway, as a client would: the record
 * answers the seed's questions, a correction shows in history, asOf and the live stream, a violation reported
 * changes a term's compliance, and a service that stops is answered for with a problem document.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteThroughGatewayIT {
    private static final Path LOGS = Path.of(System.getProperty("ledger.systemTests.logDir", "target/system-tests"));
    private static final Path IMPORTER_JAR = Path.of(System.getProperty("ledger.importerJar",
            "../dataset/target/dataset-importer.jar"));
    private static final Path SEED = Path.of(System.getProperty("ledger.seedDir", "../dataset/seed"));
    private static final Duration TOPIC_LAG = Duration.ofSeconds(60);
    /** Every process checks tokens, as deployed; the test is an analyst with the role editor. */
    private static final String ANALYST = TestTokens.bearer("analyst@example.org", "editor");

    @TempDir
    static Path data;

    private static EmbeddedKafkaBroker broker;
    private static final List<ServiceProcess> PROCESSES = new ArrayList<>();
    private static ServiceProcess actorsService;
    private static ServiceProcess eventsService;
    private static RequestSpecification gateway;
    private static URI gatewayUri;
    private static ServiceProcess.Builder gatewayBuilder;
    private static ServiceProcess gatewayProcess;

    @BeforeAll
    static void startTheSuiteAndImportTheSeed() throws Exception {
        broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
        actorsService = start("actors-service", "ACTORS_PORT");
        eventsService = start("events-service", "EVENTS_PORT");
        ServiceProcess agreements = start("agreements-service", "AGREEMENTS_PORT");
        gatewayBuilder = ServiceProcess.builder(jar("gateway")).name("gateway").portVariable("GATEWAY_PORT")
                .env(TestTokens.checksOnEnvironment())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .env("ACTORS_URL", actorsService.baseUri().toString())
                .env("EVENTS_URL", eventsService.baseUri().toString())
                .env("AGREEMENTS_URL", agreements.baseUri().toString())
                .env("GATEWAY_REQUEST_TIMEOUT", "30s")
                .log(LOGS.resolve("gateway.log"));
        startTheGateway();

        String api = gatewayUri.toString();
        ProcessBuilder importerProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", IMPORTER_JAR.toString(), "--api", api, "--events-api", api, "--agreements-api", api,
                "--dir", SEED.toString(), "--wait", "60")
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("seed-import.log").toFile());
        importerProcess.environment().put("LEDGER_API_TOKEN",
                TestTokens.bearer("seed-importer", "editor").substring("Bearer ".length()));
        Process importer = importerProcess.start();
        assertThat(importer.waitFor(300, TimeUnit.SECONDS)).as("the seed import finishes").isTrue();
        assertThat(importer.exitValue()).as("the seed import succeeds; see %s", LOGS.resolve("seed-import.log")).isZero();
    }

    private static void startTheGateway() throws Exception {
        gatewayProcess = gatewayBuilder.start();
        PROCESSES.add(gatewayProcess);
        gatewayUri = URI.create(gatewayProcess.baseUri());
        gateway = new RequestSpecBuilder().setBaseUri(gatewayUri).setContentType(ContentType.JSON)
                .addHeader("Authorization", ANALYST).build();
    }

    private static ServiceProcess start(String name, String portVariable) throws Exception {
        ServiceProcess process = ServiceProcess.builder(jar(name)).name(name).portVariable(portVariable)
                .env(TestTokens.checksOnEnvironment())
                .env("LEDGER_DATA", data.resolve(name).toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("gateway-suite-" + name + ".log"))
                .start();
        PROCESSES.add(process);
        return process;
    }

    private static Path jar(String module) {
        return Path.of(System.getProperty("ledger." + module + ".jar", "../" + module + "/target/quarkus-app/quarkus-run.jar"));
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        try {
            for (int i = PROCESSES.size() - 1; i >= 0; i--) {
                PROCESSES.get(i).close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    @Order(1)
    void theTermsOfTheNovemberStatementOverdueOnTheSecondOfDecemberAreTheThreeDistrictReturns() {
        String statement = statementId();
        JsonPath overdue = given(gateway).queryParam("overdueAt", "2020-12-02T00:00:00Z")
                .get("/api/v1/agreements/" + statement + "/terms").then().statusCode(200).extract().jsonPath();
        assertThat(overdue.getList("items.deadline", String.class))
                .containsExactlyInAnyOrder("2020-11-20", "2020-11-15", "2020-12-01");
        assertThat(overdue.getList("items.text", String.class))
                .anyMatch(t -> t.contains("Agdam")).anyMatch(t -> t.contains("Kalbajar")).anyMatch(t -> t.contains("Lachin"));
        assertThat(overdue.getList("items.compliance.status", String.class)).containsOnly("PENDING");
    }

    @Test
    @Order(1)
    void turkeySupportsAzerbaijanTheSyrianNationalArmyAndTheGnaEachInItsTheater() {
        JsonPath relationships = given(gateway)
                .get("/api/v1/actors/TUR/relationships").then().statusCode(200).extract().jsonPath();
        Map<String, TreeSet<String>> supported = new TreeMap<>();
        List<Map<String, Object>> items = relationships.getList("items");
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> actor = (Map<String, Object>) item.get("actor");
            @SuppressWarnings("unchecked")
            Map<String, Object> counterpart = (Map<String, Object>) item.get("counterpart");
            if ("SUPPORTS".equals(item.get("kind")) && "TUR".equals(actor.get("key"))) {
                supported.computeIfAbsent((String) item.get("theater"), t -> new TreeSet<>()).add((String) counterpart.get("key"));
            }
        }
        assertThat(supported).containsExactly(
                Map.entry("LIBYA", new TreeSet<>(List.of("GNA"))),
                Map.entry("NAGORNO_KARABAKH", new TreeSet<>(List.of("AZE"))),
                Map.entry("SYRIA", new TreeSet<>(List.of("SNA"))));
    }

    @Test
    @Order(1)
    void theEventsInNagornoKarabakhFromTheOutbreakToTheStatementComeInDateOrder() {
        List<String> dates = given(gateway).queryParam("theater", "NAGORNO_KARABAKH").queryParam("from", "2020-09-27")
                .queryParam("to", "2020-11-10").get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getList("items.date", String.class);
        assertThat(dates).isNotEmpty().isSorted();
        assertThat(dates.get(0)).isEqualTo("2020-09-27");
        assertThat(dates).allMatch(d -> d.compareTo("2020-09-27") >= 0 && d.compareTo("2020-11-10") <= 0);
        assertThat(dates).contains("2020-10-26", "2020-11-09");
    }

    @Test
    @Order(1)
    void theSeedsEventsExportAsUcdpGedThroughTheGatewayWithTheHashOfTheFile() throws Exception {
        Instant asOf = Instant.now();
        var export = given(gateway).queryParam("theater", "NAGORNO_KARABAKH").queryParam("asOf", asOf.toString())
                .get("/api/v1/events/exports/ucdp-ged");
        // The databases keep microseconds: the export is read as of the instant floored to them, and says so.
        export.then().statusCode(200).contentType("text/csv")
                .header("Ledger-As-Of", asOf.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        byte[] body = export.asByteArray();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(export.header("Ledger-Content-Hash")).isEqualTo("sha256:" + sha256);
        var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(body, StandardCharsets.UTF_8)));
        assertThat(rows.getHeaderNames()).startsWith("id", "relid", "year", "active_year", "code_status",
                "type_of_violence").contains("side_a", "side_b", "best", "where_prec", "ledger_event_id");
        List<String> exported = rows.stream().map(row -> row.get("ledger_event_id")).toList();
        List<String> listed = given(gateway).queryParam("theater", "NAGORNO_KARABAKH").queryParam("asOf", asOf.toString())
                .queryParam("limit", "500").get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(exported).isNotEmpty().containsExactlyElementsOf(listed);
        assertThat(given(gateway).queryParam("theater", "NAGORNO_KARABAKH").queryParam("asOf", asOf.toString())
                .get("/api/v1/events/exports/ucdp-ged").header("Ledger-Content-Hash"))
                .as("the same export as of the same instant, again").isEqualTo("sha256:" + sha256);
    }

    @Test
    @Order(1)
    void aReleaseCutThroughTheGatewayNamesTheHashOfEachCollectionsCanonicalExport() throws Exception {
        String name = "it-" + Long.toHexString(System.nanoTime());
        Map<String, String> body = Map.of("name", name, "note", "the seed record, for the system test");
        given(gateway).contentType(ContentType.JSON).body(body).post("/api/v1/releases").then().statusCode(403);
        RequestSpecification admin = new RequestSpecBuilder().setBaseUri(gatewayUri.toString())
                .addHeader("Authorization", TestTokens.bearer("archivist@example.org", "admin")).build();
        JsonPath release = given(admin).contentType(ContentType.JSON).body(body).post("/api/v1/releases").then()
                .statusCode(201).body("complete", equalTo(true)).body("cutBy", equalTo("archivist@example.org"))
                .extract().jsonPath();
        for (String collection : List.of("actors", "events", "agreements")) {
            String hash = release.getString("collections." + collection + ".contentHash");
            var export = given(gateway).queryParam("release", name).get("/api/v1/" + collection + "/exports/canonical");
            export.then().statusCode(200).header("Ledger-Content-Hash", hash).header("Ledger-Release", name)
                    .header("Ledger-As-Of", release.getString("freezesAt"));
            byte[] bytes = export.asByteArray();
            assertThat("sha256:" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes))).as(collection).isEqualTo(hash);
            assertThat(new String(bytes, StandardCharsets.UTF_8).lines().count()).as(collection)
                    .isEqualTo(release.getLong("collections." + collection + ".records")).isPositive();
        }
        given(admin).contentType(ContentType.JSON).body(body).post("/api/v1/releases").then().statusCode(200);
        given(gateway).get("/api/v1/releases").then().statusCode(200)
                .body("items.find { it.name == '" + name + "' }.complete", equalTo(true));
        given(gateway).queryParam("release", name).queryParam("theater", "NAGORNO_KARABAKH").get("/api/v1/events")
                .then().statusCode(200);
    }

    @Test
    @Order(2)
    void aCorrectionShowsInHistoryAsOfInTheListAsOfAndTheLiveStream() throws Exception {
        String eventId = given(gateway).queryParam("theater", "NAGORNO_KARABAKH").queryParam("from", "2020-09-27")
                .queryParam("to", "2020-09-27").get("/api/v1/events").then().extract().path("items[0].id");
        String notesBefore = given(gateway).get("/api/v1/events/" + eventId).then().extract().path("notes");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest subscribe = HttpRequest.newBuilder(gatewayUri.resolve("/api/v1/stream?recordType=event"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer("dashboard@example.org", "reader")).build();
        var stream = http.sendAsync(subscribe, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.get().body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    received.add(line);
                }
            } catch (Exception e) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(": connected"));

        Instant beforeCorrection = Instant.now();
        String externalId = "system-test:" + Long.toHexString(System.nanoTime());
        String[] scheme = externalId.split(":");
        given(gateway)
                .body("{\"notes\": \"Fighting broke out along the line of contact (system test).\", \"reason\": \"clarified\","
                        + " \"externalIds\": [{\"scheme\": \"" + scheme[0] + "\", \"value\": \"" + scheme[1] + "\"}]}")
                .post("/api/v1/events/" + eventId + "/corrections").then().statusCode(200);
        given(gateway).queryParam("externalId", externalId).get("/api/v1/events").then().statusCode(200)
                .body("items.id", contains(eventId));

        JsonPath history = given(gateway).get("/api/v1/events/" + eventId + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.type", String.class)).endsWith("ledger.event.corrected.v1");
        assertThat(history.getList("items.principal", String.class)).endsWith("analyst@example.org");
        given(gateway).queryParam("asOf", beforeCorrection.toString()).get("/api/v1/events/" + eventId).then()
                .statusCode(200).body("notes", equalTo(notesBefore));
        given(gateway).queryParam("theater", "NAGORNO_KARABAKH").queryParam("from", "2020-09-27")
                .queryParam("to", "2020-09-27").queryParam("asOf", beforeCorrection.toString()).get("/api/v1/events")
                .then().statusCode(200).body("items.find { it.id == '" + eventId + "' }.notes", equalTo(notesBefore));
        await("the correction reaches the live stream").atMost(TOPIC_LAG).until(() -> received.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains("\"type\":\"ledger.event.corrected.v1\"")
                        && line.contains(eventId)));
        stream.cancel(true);
    }

    @Test
    @Order(3)
    void aViolationReportedThroughTheGatewayTurnsTheCeasefireTermViolated() {
        String statement = statementId();
        String ceasefireTerm = given(gateway).queryParam("category", "CEASEFIRE")
                .get("/api/v1/agreements/" + statement + "/terms").then().statusCode(200).extract().path("items[0].id");
        String report = "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"CEASEFIRE_VIOLATION\", \"date\": \"2020-11-12\","
                + " \"actors\": [{\"actor\": \"ARM\", \"role\": \"PERPETRATOR\"}], \"agreement\": \"" + statement + "\","
                + " \"term\": \"1\", \"reason\": \"system test\"}";
        String eventId = given(gateway).body(report).post("/api/v1/events").then().statusCode(201).extract().path("id");

        await("agreements-service learns of the violation through Kafka").atMost(TOPIC_LAG).untilAsserted(() ->
                given(gateway).get("/api/v1/agreements/" + statement + "/terms/" + ceasefireTerm).then().statusCode(200)
                        .body("compliance.status", equalTo("VIOLATED"))
                        .body("compliance.evidence[0].conflictEvent", equalTo(eventId)));
    }

    @Test
    @Order(4)
    void theMergedOpenApiDocumentDescribesEveryService() throws Exception {
        String text = given(gateway).get("/openapi").then().statusCode(200).extract().asString();
        // .ci/run lints this file with a standard OpenAPI linter.
        java.nio.file.Files.writeString(LOGS.resolve("openapi.json"), text);
        JsonPath document = JsonPath.from(text);
        Map<String, Object> paths = document.getMap("paths");
        assertThat(paths.keySet()).contains("/api/v1/actors", "/api/v1/events", "/api/v1/agreements",
                "/api/v1/agreements/{id}/terms");
        assertThat(document.getList("x-unavailable-services")).isNullOrEmpty();
        // The services define every schema they share alike, so the merge renamed none of theirs; the gateway's own
        // problem document names the service that failed (service) where the services' name a rule (rule), so it
        // stays apart as GatewayProblem.
        assertThat(document.getList("x-renamed-components", String.class))
                .containsExactly("schemas/Problem → GatewayProblem");
        assertThat(OpenApiRules.problems(new ObjectMapper().readTree(text))).isEmpty();
    }

    @Test
    @Order(4)
    void aJavaClientGeneratedFromTheMergedDocumentCompilesAndNamesOperationsForWhatTheyDo() throws Exception {
        String text = given(gateway).get("/openapi").then().statusCode(200).extract().asString();
        Path spec = LOGS.resolve("client-openapi.json");
        java.nio.file.Files.writeString(spec, text);
        GeneratedJavaClient client = GeneratedJavaClient.generate(spec, LOGS.resolve("java-client"));

        assertThat(client.compileErrors(LOGS.resolve("java-client-classes"))).isEmpty();
        String apis = client.apiSources();
        for (String method : List.of("listActors", "getActor", "listActorRelationships", "getActorHistory",
                "listEvents", "reportEvent", "correctEvent", "getEventHistory", "listAgreements", "listTerms",
                "assessTermCompliance", "listAgreementChanges", "listAuditChanges")) {
            assertThat(apis).as("the generated client has " + method).contains(" " + method + "(");
        }
        assertThat(client.modelNames()).contains("Actor", "ActorPage", "ConflictEvent", "ConflictEventPage",
                "HistoryEntry", "HistoryPage", "Problem")
                .noneMatch(name -> name.matches(".*\\d$") || name.startsWith("JsonNode") || name.contains("_"));
    }

    @Test
    @Order(5)
    void theAuditViewListsTheChangesOfEveryServiceByPrincipalNewestFirst() {
        JsonPath analyst = given(gateway).queryParam("principal", "analyst@example.org")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        // The correction (test 2) and the violation report (test 3) were the analyst's; the term turned VIOLATED
        // by agreements-service itself, which is its own principal.
        assertThat(analyst.getList("items.type", String.class))
                .containsSubsequence("ledger.event.reported.v1", "ledger.event.corrected.v1");
        assertThat(analyst.getList("items.principal", String.class)).containsOnly("analyst@example.org");
        List<Instant> times = analyst.getList("items.recordedAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonPath firstPage = given(gateway).queryParam("principal", "seed-importer").queryParam("recordType", "actor")
                .queryParam("limit", 5).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(firstPage.getList("items.recordType", String.class)).hasSize(5).containsOnly("actor");
        String next = firstPage.getString("next");
        assertThat(next).isNotNull();
        JsonPath secondPage = given(gateway).queryParam("principal", "seed-importer").queryParam("recordType", "actor")
                .queryParam("limit", 5).queryParam("cursor", next).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(secondPage.getList("items.eventId", String.class))
                .doesNotContainAnyElementsOf(firstPage.getList("items.eventId", String.class));
        assertThat(Instant.parse(secondPage.getString("items[0].recordedAt")))
                .isBeforeOrEqualTo(Instant.parse(firstPage.getString("items[4].recordedAt")));
    }

    @Test
    @Order(6)
    void tokensAndRolesAreCheckedAtTheGatewayAndAgainBehindIt() {
        given().baseUri(gatewayUri.toString()).get("/api/v1/audit").then().statusCode(401);
        given().baseUri(gatewayUri.toString()).get("/api/v1/actors/TUR").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().baseUri(gatewayUri.toString()).contentType(ContentType.JSON)
                .header("Authorization", TestTokens.bearer("rita@example.org", "reader"))
                .body("{\"key\": \"NOPE\", \"name\": \"Refused\", \"kind\": \"STATE\"}")
                .post("/api/v1/actors").then().statusCode(403).contentType("application/problem+json");
        given(gateway).post("/api/v1/actors/admin/read-model/rebuild").then().statusCode(403);
        given().baseUri(gatewayUri.toString()).header("Authorization", TestTokens.bearer("root@example.org", "admin"))
                .post("/api/v1/actors/admin/read-model/rebuild").then().statusCode(200);
        // Around the gateway, straight to a service: the same check (defence in depth).
        given().baseUri(actorsService.baseUri()).get("/api/v1/actors/TUR").then().statusCode(401);
        // The record names who changed it: the subject of the token each change was made with.
        given(gateway).get("/api/v1/actors/TUR/history").then().statusCode(200)
                .body("items[0].principal", equalTo("seed-importer"));
    }

    /**
     * The auth matrix of the whole API as the merged OpenAPI document describes it: every operation, without a token
     * and with each role, refuses the roles below the one it names and lets the others through to the service.
     */
    @Test
    @Order(6)
    void everyOperationRefusesTheRolesBelowTheOneItNeeds() throws Exception {
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().baseUri(gatewayUri.toString()).get("/openapi").then().statusCode(200).extract()
                        .asString()).path("paths");
        List<String> roles = List.of("reader", "editor", "admin");
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                    path.getValue()::fields) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String needed = operation.getValue().path("x-required-role").asText("");
                if (!path.getKey().startsWith("/api/") || path.getKey().equals("/api/v1/stream")) {
                    continue; // the stream never ends; its checks are in the gateway's own tests
                }
                operations++;
                String uri = path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
                assertThat(needed).as("%s %s names its role", method, uri).isIn(roles);
                expect(wrong, method, uri, null, 401);
                for (String role : roles) {
                    boolean enough = roles.indexOf(role) >= roles.indexOf(needed);
                    expect(wrong, method, uri, role, enough ? -1 : 403);
                }
            }
        }
        assertThat(operations).as("operations in the merged document").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    /** Records a mismatch; {@code status} -1 means "anything but 401 and 403". */
    private static void expect(List<String> wrong, String method, String uri, String role, int status) {
        RequestSpecification request = given().baseUri(gatewayUri.toString()).contentType(ContentType.JSON).body("{}");
        if (role != null) {
            request.header("Authorization", TestTokens.bearer("matrix-" + role + "@example.org", role));
        }
        int actual = request.request(method, uri).then().extract().statusCode();
        boolean ok = status == -1 ? actual != 401 && actual != 403 : actual == status;
        if (!ok) {
            wrong.add(method + " " + uri + " as " + (role == null ? "nobody" : role) + ": " + actual);
        }
    }

    @Test
    @Order(7)
    void aStreamClientResumesAcrossAGatewayRestartWithoutGapsOrDuplicates() throws Exception {
        List<String> before = new CopyOnWriteArrayList<>();
        var first = subscribe("recordType=actor", null, before);
        await().atMost(Duration.ofSeconds(30)).until(() -> before.contains(": connected"));
        String actorId = given(gateway).body("{\"key\": \"RESUME-TEST\", \"name\": \"Resume test\", \"kind\": \"STATE\"}")
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");
        await("the registration reaches the stream").atMost(TOPIC_LAG).until(() -> lineBefore(before, actorId) != null);
        String lastEventId = lineBefore(before, actorId).substring("id: ".length());
        first.cancel(true);

        gatewayProcess.stop();
        // While the gateway is down, a change is made straight at the service; the topic keeps it.
        given().baseUri(actorsService.baseUri()).contentType(ContentType.JSON).header("Authorization", ANALYST)
                .body("{\"name\": \"Resume test, renamed\"}").post("/api/v1/actors/" + actorId + "/rename")
                .then().statusCode(200);
        gatewayBuilder.log(LOGS.resolve("gateway-restarted.log"));
        startTheGateway();

        List<String> after = new CopyOnWriteArrayList<>();
        var resumed = subscribe("recordType=actor", lastEventId, after);
        await("the rename made while the gateway was down arrives").atMost(TOPIC_LAG).until(() -> after.stream()
                .anyMatch(line -> line.contains("\"ledger.actor.renamed.v1\"") && line.contains(actorId)));
        resumed.cancel(true);
        assertThat(after.stream().filter(line -> line.startsWith("data:") && line.contains(actorId)))
                .as("only the rename: the registration the client had is not sent again").hasSize(1);
        assertThat(after).noneMatch(line -> line.startsWith("event: missed"));
    }

    /** The {@code id:} line of the first event whose data names {@code text}, or null. */
    private static String lineBefore(List<String> lines, String text) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("data:") && lines.get(i).contains(text)) {
                for (int j = i - 1; j >= 0; j--) {
                    if (lines.get(j).startsWith("id: ")) {
                        return lines.get(j);
                    }
                }
            }
        }
        return null;
    }

    /** Reads the gateway's stream into {@code lines} on a thread of its own until the returned future is cancelled. */
    private static java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>> subscribe(
            String query, String lastEventId, List<String> lines) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUri.resolve("/api/v1/stream?" + query))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer("dashboard@example.org", "reader"));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var stream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader input = new BufferedReader(new InputStreamReader(stream.get().body(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = input.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    @Test
    @Order(8)
    void aServiceThatStopsIsAnsweredForWithAProblemDocument() throws Exception {
        eventsService.stop();
        given(gateway).get("/api/v1/events").then().statusCode(503)
                .contentType("application/problem+json")
                .body("service", equalTo("events-service"));
        given(gateway).get("/api/v1/actors/TUR").then().statusCode(200);
        given(gateway).get("/q/health/ready").then().statusCode(503);
    }

    private static String statementId() {
        List<Map<String, Object>> armistices = given(gateway).queryParam("theater", "NAGORNO_KARABAKH")
                .queryParam("kind", "ARMISTICE").get("/api/v1/agreements").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(armistices).as("the 9 November 2020 statement").hasSize(1);
        return (String) armistices.get(0).get("id");
    }
}
