package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.actorreplica.ActorDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventApiTest {
    @Inject
    ActorDirectory directory;

    private String aze;
    private String arm;
    private UUID azeId;
    private String marker;

    @BeforeEach
    void actorsKnownFromTheActorTopic() throws Exception {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        aze = ("AZE" + marker).toUpperCase();
        arm = ("ARM" + marker).toUpperCase();
        try (ActorEvents actors = new ActorEvents()) {
            azeId = actors.registered(aze, "Azerbaijan " + marker, 0);
            actors.registered(arm, "Armenia " + marker, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                directory.byReference(aze).isPresent() && directory.byReference(arm).isPresent());
    }

    private String battle(String date, String place, double lat, double lon) {
        return """
                {"theater": "NAGORNO_KARABAKH", "type": "BATTLE", "date": "%s",
                 "location": {"place": "%s", "country": "Azerbaijan", "latitude": %s, "longitude": %s, "geoPrecision": "EXACT"},
                 "actors": [{"actor": "%s", "role": "PERPETRATOR"}, {"actor": "%s", "role": "TARGET"}],
                 "fatalities": {"low": 10, "best": 12, "high": 20},
                 "notes": "Fighting %s", "confidence": 0.8, "reason": "seed",
                 "sources": [{"title": "Seed document", "publisher": "Conflict Ledger"}]}
                """.formatted(date, place, lat, lon, aze, arm, marker);
    }

    private ValidatableResponse report(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/events").then();
    }

    @Test
    void reportingAnEventNamesItsActorsAndAnswersCreated() {
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1)).statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/events/[0-9a-f-]{36}"))
                .header("ETag", "\"1\"")
                .body("type", equalTo("BATTLE"))
                .body("subType", equalTo("ARMED_CLASH"))
                .body("datePrecision", equalTo("DAY"))
                .body("actors.key", contains(aze, arm))
                .body("actors.name", contains("Azerbaijan " + marker, "Armenia " + marker))
                .body("actors.role", contains("PERPETRATOR", "TARGET"))
                .body("fatalities.best", equalTo(12))
                .body("status", equalTo("REPORTED"));
    }

    @Test
    void anUnknownActorIsABadRequestNamingIt() {
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1).replace(arm, "NOSUCHACTOR")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("actors[1].actor"));
    }

    @Test
    void aViolationMustNameTheAgreementItBreaks() {
        report(battle("2020-10-26", "Lachin", 39.6, 46.5).replace("\"BATTLE\"", "\"CEASEFIRE_VIOLATION\""))
                .statusCode(409).body("rule", equalTo("violation-without-agreement"));
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyAnswersTheFirstResult() {
        String key = "report-" + marker;
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(battle("2020-10-01", "Jabrayil", 39.4, 47.0)).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(battle("2020-10-01", "Jabrayil", 39.4, 47.0)).post("/api/v1/events")
                .then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
        given().queryParam("q", marker).get("/api/v1/events").then().body("items", hasSize(1));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(battle("2020-10-02", "Jabrayil", 39.4, 47.0)).post("/api/v1/events")
                .then().statusCode(409).body("rule", equalTo("idempotency-key-reused"));
    }

    @Test
    void eventsAreListedInDateOrderFilteredByActorRoleDateAndBox() {
        report(battle("2020-11-08", "Shusha", 39.76, 46.75)).statusCode(201);
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1)).statusCode(201);
        report(battle("2020-10-09", "Hadrut", 39.52, 47.03)).statusCode(201);

        given().queryParam("q", marker).get("/api/v1/events").then().statusCode(200)
                .body("items.date", contains("2020-09-27", "2020-10-09", "2020-11-08"));
        given().queryParam("q", marker).queryParam("sort", "-date").get("/api/v1/events").then()
                .body("items.date", contains("2020-11-08", "2020-10-09", "2020-09-27"));
        given().queryParam("actor", arm).queryParam("role", "TARGET").queryParam("from", "2020-10-01")
                .queryParam("to", "2020-10-31").get("/api/v1/events").then()
                .body("items.location.place", contains("Hadrut"));
        given().queryParam("actor", arm).queryParam("role", "PERPETRATOR").get("/api/v1/events").then()
                .body("items", hasSize(0));
        given().queryParam("q", marker).queryParam("bbox", "46.5,39.7,47.0,39.8").get("/api/v1/events").then()
                .body("items.location.place", contains("Shusha"));
        ValidatableResponse firstPage = given().queryParam("q", marker).queryParam("limit", 2).get("/api/v1/events").then()
                .body("items", hasSize(2)).header("Link", containsString("rel=\"next\""));
        String next = firstPage.extract().path("next");
        given().queryParam("q", marker).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/events").then()
                .body("items.location.place", contains("Shusha")).body("next", nullValue());
        given().queryParam("bbox", "1,2,3").get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("bbox"));
        given().queryParam("from", "2020-13-01").get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void aCorrectionChangesOnlyTheFieldsGivenAndKeepsTheHistory() throws InterruptedException {
        String id = report(battle("2020-10-27", "Lachin", 39.6, 46.5)).statusCode(201).extract().path("id");
        String reportedAt = given().get("/api/v1/events/" + id + "/history").then().extract().path("items[0].recordedAt");
        Thread.sleep(5);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"fatalities\": {\"low\": 30, \"best\": 34, \"high\": 40}, \"reason\": \"revised toll\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("fatalities.best", equalTo(34))
                .body("location.place", equalTo("Lachin"));
        given().get("/api/v1/events/" + id + "/history").then()
                .body("items.type", contains("ledger.event.reported.v1", "ledger.event.corrected.v1"))
                .body("items[1].reason", equalTo("revised toll"))
                .body("items[1].payload.changedFields", contains("fatalities"));
        given().queryParam("asOf", reportedAt).get("/api/v1/events/" + id).then().body("fatalities.best", equalTo(12));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"notes\": \"stale\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(412);
        given().contentType(ContentType.JSON).body("{\"fatalities\": {\"low\": 50, \"best\": 34}}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(409)
                .body("rule", equalTo("fatalities-inconsistent"));
        given().contentType(ContentType.JSON).body("{\"colour\": \"red\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON).body("{\"date\": \"yesterday\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        given().get("/api/v1/events/" + id + "/verify").then().body("valid", equalTo(true)).body("events", equalTo(2));
    }

    @Test
    void aRetractedEventTakesNoFurtherChange() {
        String id = report(battle("2020-10-10", "Ganja", 40.68, 46.36)).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"reason\": \"confirmed\"}").post("/api/v1/events/" + id + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"duplicate\"}").post("/api/v1/events/" + id + "/retract")
                .then().statusCode(200).body("status", equalTo("RETRACTED"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/events/" + id + "/dispute")
                .then().statusCode(409).body("rule", equalTo("event-retracted"));
    }

    @Test
    void aRenamedActorShowsItsNewNameInEvents() throws Exception {
        String id = report(battle("2020-11-09", "Stepanakert", 39.82, 46.75)).statusCode(201).extract().path("id");
        try (ActorEvents actors = new ActorEvents()) {
            actors.renamed(azeId, "Azerbaijan " + marker, "Republic of Azerbaijan " + marker, 1);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/events/" + id).then().body("actors[0].name", equalTo("Republic of Azerbaijan " + marker)));
    }

    @Test
    void eventsAreOfferedAsGeoJsonAndAsAcledCsv() {
        report(battle("2020-11-08", "Shusha", 39.76, 46.75)).statusCode(201);
        given().accept("application/geo+json").queryParam("q", marker).get("/api/v1/events").then().statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features[0].geometry.coordinates", contains(46.75f, 39.76f));
        String csv = given().accept("text/csv").queryParam("q", marker).get("/api/v1/events").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("event_id_cnty,event_date,year,time_precision");
        assertThat(csv).contains("Shusha").contains("Azerbaijan " + marker).contains("Battles");
    }

    @Test
    void anExportedCsvImportsBackAsTheSameRecordsAndABadRowLosesNoGoodRow() {
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1)).statusCode(201);
        report(battle("2020-10-09", "Hadrut", 39.52, 47.03)).statusCode(201);
        String csv = given().accept("text/csv").queryParam("q", marker).get("/api/v1/events").then().extract().asString();
        List<String> lines = csv.lines().toList();
        String withBadRow = lines.get(0) + "\r\n" + lines.get(1) + "\r\n"
                + lines.get(2).replace("2020-10-09", "2020-13-45") + "\r\n" + lines.get(2) + "\r\n";

        given().contentType("text/csv").body(withBadRow).post("/api/v1/events/import").then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", hasSize(1))
                .body("rejected[0].line", equalTo(3))
                .body("rejected[0].errors[0].field", notNullValue());

        given().queryParam("q", marker).get("/api/v1/events").then()
                .body("items.date", contains("2020-09-27", "2020-09-27", "2020-10-09", "2020-10-09"))
                .body("items.location.place", contains("Fuzuli", "Fuzuli", "Hadrut", "Hadrut"))
                .body("items.fatalities.high", contains(20, 20, 20, 20))
                .body("items.actors.key.flatten()", hasSize(8));
    }

    @Test
    void aRetriedImportRecordsNothingTwiceEvenForRowsWithoutAnAcledId() {
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1)).statusCode(201);
        report(battle("2020-10-09", "Hadrut", 39.52, 47.03)).statusCode(201);
        String csv = given().accept("text/csv").queryParam("q", marker).get("/api/v1/events").then().extract().asString();

        given().contentType("text/csv").body(csv).post("/api/v1/events/import").then().statusCode(200)
                .body("accepted", equalTo(2)).body("present", equalTo(0));
        // the client gave up waiting and sends the same file again
        given().contentType("text/csv").body(csv).post("/api/v1/events/import").then().statusCode(200)
                .body("accepted", equalTo(0)).body("present", equalTo(2)).body("created", hasSize(0));

        given().queryParam("q", marker).get("/api/v1/events").then().body("items", hasSize(4));
    }

    @Test
    void anImportAskedToRespondAsyncAnswers202WithAJobToPollForItsReport() {
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1)).statusCode(201);
        String csv = given().accept("text/csv").queryParam("q", marker).get("/api/v1/events").then().extract().asString();

        var started = given().contentType("text/csv").header("Prefer", "respond-async").body(csv)
                .post("/api/v1/events/import").then().statusCode(202)
                .body("rows", equalTo(1)).body("principal", notNullValue()).extract();
        String location = started.header("Location");
        assertThat(location).endsWith("/api/v1/events/imports/" + started.path("id"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(location).then().statusCode(200)
                .body("state", equalTo("DONE")).body("processed", equalTo(1))
                .body("report.accepted", equalTo(1)).body("report.created", hasSize(1)));
        given().get("/api/v1/events/imports/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/events/imports/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aMisspeltFieldInAReportIsABadRequestNamingIt() {
        report(battle("2020-09-27", "Fuzuli", 39.6, 47.1).replace("\"notes\"", "\"note\"")).statusCode(400)
                .body("errors[0].field", equalTo("note"));
        given().queryParam("q", marker).get("/api/v1/events").then().body("items", hasSize(0));
    }
}
