package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.events.api.formats.UcdpGedCsv;
import org.conflictledger.platform.storage.DatabaseOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The UCDP GED-shaped export: every event the filters choose, read in batches (of two here, so that every export
 * crosses batch boundaries), in GED's columns, as of an instant when asked, with the SHA-256 of the body in its headers.
 */
@QuarkusTest
@TestProfile(ConflictEventExportTest.SmallBatches.class)
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventExportTest {
    private static final String GED = "/api/v1/events/exports/ucdp-ged";
    private static final String EVENTS = "/api/v1/events";

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("events.export.batch-size", "2");
        }
    }

    @Inject
    ActorDirectory directory;

    private String marker;
    private String aze;
    private String arm;

    @BeforeEach
    void actorsKnownFromTheActorTopic() throws Exception {
        marker = "ged" + Long.toHexString(System.nanoTime());
        aze = ("AZE" + marker).toUpperCase();
        arm = ("ARM" + marker).toUpperCase();
        try (ActorEvents actors = new ActorEvents()) {
            actors.registered(aze, "Azerbaijan " + marker, 0);
            actors.registered(arm, "Armenia " + marker, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                directory.byReference(aze).isPresent() && directory.byReference(arm).isPresent());
    }

    @Test
    void everyChosenEventIsARowInGedColumnsAndTheHeadersCarryTheHashOfTheBody() throws Exception {
        String shusha = report("Shusha", "2020-11-08", null, "DAY", 39.7647, 46.7486, "EXACT");
        String lachin = report("Lachin", "2020-10-01", "2020-10-07", "WEEK", null, null, null);
        List<String> sameDay = List.of(report("Hadrut", "2020-10-09", null, "DAY", 39.52, 47.03, "NEAR"),
                report("Fuzuli", "2020-10-09", null, "DAY", 39.6, 47.14, "ADMIN2"),
                report("Jabrayil", "2020-10-09", null, "DAY", 39.4, 47.02, "ADMIN1"));
        String retracted = report("Tartar", "2020-10-20", null, "MONTH", null, null, null);
        given().contentType(ContentType.JSON).body("{\"reason\": \"duplicate\"}")
                .post(EVENTS + "/" + retracted + "/retract").then().statusCode(200);

        Response response = given().queryParam("q", marker).get(GED);
        response.then().statusCode(200).contentType("text/csv");
        List<CSVRecord> rows = rows(response);

        assertThat(header(response)).containsExactlyElementsOf(UcdpGedCsv.COLUMNS);
        // Oldest first, retracted events left out, the three of one day in the list's (id) order.
        List<String> listOrder = ListPagesOfIds.of(Map.of("q", marker, "status", "REPORTED"));
        assertThat(column(rows, "ledger_event_id")).containsExactlyElementsOf(listOrder)
                .startsWith(lachin).endsWith(shusha).containsAll(sameDay).doesNotContain(retracted)
                .hasSize(5).doesNotHaveDuplicates();
        assertThat(rows).isSortedAccordingTo(Comparator.comparing((CSVRecord row) -> row.get("date_start"))
                .thenComparing(row -> UUID.fromString(row.get("ledger_event_id")), DatabaseOrder.UUIDS));

        CSVRecord shushaRow = rows.get(rows.size() - 1);
        assertThat(shushaRow.get("year")).isEqualTo("2020");
        assertThat(shushaRow.get("conflict_name")).isEqualTo("Nagorno-Karabakh");
        assertThat(shushaRow.get("side_a")).isEqualTo("Azerbaijan " + marker);
        assertThat(shushaRow.get("side_b")).isEqualTo("Armenia " + marker);
        assertThat(shushaRow.get("dyad_name")).isEqualTo("Azerbaijan " + marker + " - Armenia " + marker);
        assertThat(shushaRow.get("where_prec")).isEqualTo("1");
        assertThat(shushaRow.get("where_coordinates")).isEqualTo("Shusha");
        assertThat(shushaRow.get("latitude")).isEqualTo("39.7647");
        assertThat(shushaRow.get("longitude")).isEqualTo("46.7486");
        assertThat(shushaRow.get("geom_wkt")).isEqualTo("POINT (46.7486 39.7647)");
        // Row 259 (39.5–40.0°N) and column 453 (46.5–47.0°E) of the half-degree grid.
        assertThat(shushaRow.get("priogrid_gid")).isEqualTo(String.valueOf(259 * 720 + 453 + 1));
        assertThat(shushaRow.get("date_prec")).isEqualTo("1");
        assertThat(shushaRow.get("date_start")).isEqualTo("2020-11-08");
        assertThat(shushaRow.get("date_end")).isEqualTo("2020-11-08");
        assertThat(List.of(shushaRow.get("low"), shushaRow.get("best"), shushaRow.get("high")))
                .containsExactly("10", "12", "20");
        assertThat(shushaRow.get("number_of_sources")).isEqualTo("1");
        assertThat(shushaRow.get("source_headline")).isEqualTo("Seed document");
        assertThat(shushaRow.get("source_office")).isEqualTo("Conflict Ledger");
        assertThat(shushaRow.get("ledger_status")).isEqualTo("REPORTED");
        assertThat(shushaRow.get("deaths_a")).isEmpty();

        CSVRecord lachinRow = rows.get(0);
        assertThat(lachinRow.get("date_prec")).isEqualTo("3");
        assertThat(lachinRow.get("date_end")).isEqualTo("2020-10-07");
        assertThat(lachinRow.get("where_prec")).isEmpty();
        assertThat(lachinRow.get("priogrid_gid")).isEmpty();
        Map<String, String> wherePrecision = new HashMap<>();
        rows.forEach(row -> wherePrecision.put(row.get("ledger_event_id"), row.get("where_prec")));
        assertThat(List.of(wherePrecision.get(sameDay.get(0)), wherePrecision.get(sameDay.get(1)),
                wherePrecision.get(sameDay.get(2)))).containsExactly("2", "3", "4");

        byte[] body = response.asByteArray();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(body);
        assertThat(response.header("Ledger-Content-Hash")).isEqualTo("sha256:" + HexFormat.of().formatHex(sha256));
        assertThat(response.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        assertThat(response.header("Ledger-Read-At")).isNotNull();
        assertThat(response.header("Ledger-As-Of")).isNull();
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"conflict-events-ucdp-ged-");

        Response retractedOnly = given().queryParam("q", marker).queryParam("status", "RETRACTED").get(GED);
        assertThat(column(rows(retractedOnly), "ledger_event_id")).containsExactly(retracted);
    }

    @Test
    void anExportAsOfAnInstantHasTheValuesOfThenAndTheSameBytesEachTime() throws Exception {
        String first = report("Agdam", "2020-10-03", null, "DAY", 39.99, 46.93, "EXACT");
        String second = report("Kalbajar", "2020-10-04", null, "DAY", 40.1, 46.04, "EXACT");
        String third = report("Zangilan", "2020-10-05", null, "DAY", 39.08, 46.65, "EXACT");
        Instant then = Instant.parse(given().get(EVENTS + "/" + third).then().extract().path("updatedAt"));
        Thread.sleep(5);
        given().contentType(ContentType.JSON)
                .body("{\"fatalities\": {\"low\": 40, \"best\": 50, \"high\": 60}, \"reason\": \"revised toll\"}")
                .post(EVENTS + "/" + first + "/corrections").then().statusCode(200);
        report("Qubadli", "2020-10-06", null, "DAY", 39.34, 46.58, "EXACT");

        Response now = given().queryParam("q", marker).get(GED);
        assertThat(column(rows(now), "best")).containsExactly("50", "12", "12", "12");

        Response asOf = given().queryParam("q", marker).queryParam("asOf", then.toString()).get(GED);
        asOf.then().statusCode(200);
        assertThat(column(rows(asOf), "ledger_event_id")).containsExactly(first, second, third);
        assertThat(column(rows(asOf), "best")).containsExactly("12", "12", "12");
        assertThat(asOf.header("Ledger-As-Of")).isEqualTo(then.toString());
        assertThat(asOf.header("Ledger-Read-At")).isNull();

        Response again = given().queryParam("q", marker).queryParam("asOf", then.toString()).get(GED);
        assertThat(again.header("Ledger-Content-Hash")).isEqualTo(asOf.header("Ledger-Content-Hash"));
        assertThat(again.asByteArray()).isEqualTo(asOf.asByteArray());
        assertThat(now.header("Ledger-Content-Hash")).isNotEqualTo(asOf.header("Ledger-Content-Hash"));
    }

    @Test
    void aReleaseFreezesEveryEventRetractedOnesTooAndTheExportsOfTheReleaseShowThemAsTheyWere() throws Exception {
        String kept = report("Aghdara", "2020-10-11", null, "DAY", 40.2, 46.8, "EXACT");
        String retractedLater = report("Martuni", "2020-10-12", null, "DAY", 39.8, 47.1, "EXACT");
        Instant freezesAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String release = "ged-" + marker;
        String hash = given().contentType(ContentType.JSON)
                .body(Map.of("freezesAt", freezesAt.toString(), "note", "test release"))
                .put(EVENTS + "/releases/" + release).then().statusCode(201)
                .body("collection", equalTo("events")).extract().path("contentHash");
        given().contentType(ContentType.JSON).body("{\"reason\": \"duplicate\"}")
                .post(EVENTS + "/" + retractedLater + "/retract").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"fatalities\": {\"low\": 1, \"best\": 2, \"high\": 3}, \"reason\": \"revised\"}")
                .post(EVENTS + "/" + kept + "/corrections").then().statusCode(200);

        Response canonical = given().queryParam("release", release).get(EVENTS + "/exports/canonical");
        canonical.then().statusCode(200).header("Ledger-Content-Hash", hash).header("Ledger-Release", release);
        assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.asByteArray()))).isEqualTo(hash);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : canonical.asString().split("\n")) {
            lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readValue(line,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        }
        // Oldest first, crossing the batches of two; the event retracted after the release is in it as it was.
        assertThat(lines).extracting(line -> (String) line.get("date")).isSorted();
        assertThat(lines).extracting(line -> line.get("id")).doesNotHaveDuplicates();
        // Actors by id only: their names reach this service from the actors' topic, later than they are recorded.
        assertThat(lines).allSatisfy(line -> assertThat((List<?>) line.get("actors")).allSatisfy(actor ->
                assertThat(((Map<?, ?>) actor).get("name")).isNull()));
        Map<String, Object> martuni = lines.stream().filter(line -> retractedLater.equals(line.get("id")))
                .findFirst().orElseThrow();
        assertThat(martuni.get("status")).isEqualTo("REPORTED");
        assertThat(lines).filteredOn(line -> kept.equals(line.get("id"))).singleElement()
                .satisfies(line -> assertThat(line.get("fatalities")).isEqualTo(Map.of("low", 10, "best", 12, "high", 20)));

        Response ged = given().queryParam("q", marker).queryParam("release", release).get(GED);
        ged.then().statusCode(200).header("Ledger-Release", release).header("Ledger-As-Of", freezesAt.toString());
        assertThat(column(rows(ged), "ledger_event_id")).contains(kept, retractedLater);
        given().queryParam("q", marker).queryParam("release", release).get(EVENTS).then().statusCode(200)
                .body("items.find { it.id == '" + retractedLater + "' }.status", equalTo("REPORTED"));
        given().queryParam("q", marker).queryParam("release", release).queryParam("asOf", freezesAt.toString())
                .get(GED).then().statusCode(400).body("errors.field", hasItem("release"));
    }

    @Test
    void aParameterOfTheListThatAnExportHasNoUseForOrABadValueIsA400NamingIt() {
        for (Map.Entry<String, String> bad : Map.of("limit", "5", "cursor", "abc", "sort", "-date",
                "theater", "ATLANTIS", "asOf", "yesterday", "bbox", "1,2,3").entrySet()) {
            given().queryParam(bad.getKey(), bad.getValue()).get(GED).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.getKey()));
        }
        given().queryParam("asOf", Instant.now().plusSeconds(3600).toString()).get(GED).then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    private String report(String place, String date, String endDate, String precision, Double latitude,
                          Double longitude, String geoPrecision) {
        String coordinates = latitude == null ? ""
                : ", \"latitude\": %s, \"longitude\": %s, \"geoPrecision\": \"%s\"".formatted(latitude, longitude,
                geoPrecision);
        String body = """
                {"theater": "NAGORNO_KARABAKH", "type": "BATTLE", "date": "%s", %s"datePrecision": "%s",
                 "location": {"place": "%s", "country": "Azerbaijan"%s},
                 "actors": [{"actor": "%s", "role": "PERPETRATOR"}, {"actor": "%s", "role": "TARGET"}],
                 "fatalities": {"low": 10, "best": 12, "high": 20},
                 "notes": "Fighting %s", "reason": "seed",
                 "sources": [{"title": "Seed document", "publisher": "Conflict Ledger"}]}
                """.formatted(date, endDate == null ? "" : "\"endDate\": \"" + endDate + "\", ", precision, place,
                coordinates, aze, arm, marker);
        return given().contentType(ContentType.JSON).body(body).post(EVENTS).then().statusCode(201).extract().path("id");
    }

    private static List<String> header(Response response) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(response.asString())).iterator().next().toList();
    }

    private static List<CSVRecord> rows(Response response) throws IOException {
        response.then().statusCode(200);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.asString())).getRecords();
    }

    private static List<String> column(List<CSVRecord> rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(name)));
        return values;
    }

    /** The ids of the JSON list, every page. */
    private static final class ListPagesOfIds {
        static List<String> of(Map<String, String> query) {
            return org.conflictledger.devstack.http.ListPages.collect(EVENTS, query, 50, "id");
        }
    }
}
