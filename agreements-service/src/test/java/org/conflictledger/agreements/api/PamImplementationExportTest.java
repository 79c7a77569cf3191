package org.conflictledger.agreements.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.support.ApiSteps.aMomentPasses;
import static org.conflictledger.agreements.support.ApiSteps.assess;
import static org.conflictledger.agreements.support.ApiSteps.recordedAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The Peace Accords Matrix-style implementation export over HTTP. The 9 November 2020 statement (Moscow time) with two
 * terms: the ceasefire in progress from November 2020 and violated from 01:00 on 1 January 2022 in Moscow (still 2021
 * in UTC), and Lachin handed over in March 2021. Scored year by year as CSV and JSON, as of an instant before the
 * violation was recorded, with the hash of the bytes sent; and what an export does not take is refused.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class PamImplementationExportTest {
    private static final String TERMS = "/api/v1/agreements/exports/pam/terms";
    private static final String AGREEMENTS = "/api/v1/agreements/exports/pam/agreements";
    private static final String CSV = "text/csv";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Inject
    ActorDirectory directory;

    private AgreementFixtures fixtures;
    private UUID agreement;
    private UUID ceasefire;
    private UUID lachin;

    @BeforeEach
    void theStatementWithTwoAssessedTerms() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
        agreement = recorded(fixtures.statement().replace("\"reason\": \"seed\"",
                "\"paxAgreementId\": \"PAX" + fixtures.marker + "\", \"reason\": \"seed\""));
        ceasefire = fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        lachin = fixtures.addTermOk(agreement, fixtures.lachin(2));
        assess(agreement, ceasefire, "IN_PROGRESS", "2020-11-12T00:00:00Z").statusCode(200);
        assess(agreement, lachin, "FULFILLED", "2021-03-01T00:00:00Z").statusCode(200);
        aMomentPasses();
        assess(agreement, ceasefire, "VIOLATED", "2021-12-31T22:00:00Z").statusCode(200);
    }

    /** When the violation was not recorded yet: after the change before it (the Lachin assessment). */
    private Instant beforeTheViolationWasRecorded() {
        return recordedAt(agreement, 4);
    }

    // --- what the rows say ------------------------------------------------------------------------

    @Test
    void eachTermIsScoredAtTheEndOfEachYearInTheAgreementsTimeZone() throws Exception {
        recorded(fixtures.statement().replace("\"signedOn\": \"2020-11-09\", ", "")
                .replace("\"inForceAt\": \"2020-11-09T21:00:00Z\", ", ""));

        ExtractableResponse<Response> csv = export(TERMS, CSV, Map.of("q", fixtures.marker));
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=UTF-8");
        List<Map<String, String>> rows = csvRows(csv.asString());
        int thisYear = Instant.parse(csv.header("Ledger-Read-At")).atZone(MOSCOW).getYear();

        assertThat(rows).as("the unsigned draft is left out").hasSize(2 * (thisYear - 2020 + 1));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("agreement_id")).isEqualTo(agreement.toString());
            assertThat(row.get("pax_id")).isEqualTo("PAX" + fixtures.marker);
            assertThat(row.get("agreement_title")).isEqualTo("Statement of 9 November 2020 " + fixtures.marker);
            assertThat(row.get("theater")).isEqualTo("NAGORNO_KARABAKH");
            assertThat(row.get("signed_date")).isEqualTo("2020-11-09");
        });
        assertThat(rows.get(0)).containsEntry("term_id", ceasefire.toString()).containsEntry("article", "Paragraph 1")
                .containsEntry("category", "CEASEFIRE");
        assertThat(rows.get(rows.size() - 1)).containsEntry("term_id", lachin.toString())
                .containsEntry("article", "Paragraph 2").containsEntry("category", "TERRITORIAL_TRANSFER");
        assertThat(yearsUpTo2023(rows, PamImplementationExportTest::termYear)).containsExactly(
                "1 2020 1 true IN_PROGRESS 1 2020-11-12T00:00:00Z",
                "1 2021 2 true IN_PROGRESS 1 2020-11-12T00:00:00Z",
                "1 2022 3 true VIOLATED 0 2021-12-31T22:00:00Z",
                "1 2023 4 true VIOLATED 0 2021-12-31T22:00:00Z",
                "2 2020 1 true PENDING 0 ",
                "2 2021 2 true FULFILLED 3 2021-03-01T00:00:00Z",
                "2 2022 3 true FULFILLED 3 2021-03-01T00:00:00Z",
                "2 2023 4 true FULFILLED 3 2021-03-01T00:00:00Z");
        assertThat(rows.stream().filter(row -> row.get("year").equals(Integer.toString(thisYear))).map(
                PamImplementationExportTest::termYear)).containsExactly(
                "1 %d %d false VIOLATED 0 2021-12-31T22:00:00Z".formatted(thisYear, thisYear - 2019),
                "2 %d %d false FULFILLED 3 2021-03-01T00:00:00Z".formatted(thisYear, thisYear - 2019));
    }

    @Test
    void eachAgreementYearSumsItsTermsScores() throws Exception {
        ExtractableResponse<Response> csv = export(AGREEMENTS, CSV, Map.of("q", fixtures.marker));
        List<Map<String, String>> rows = csvRows(csv.asString());
        int thisYear = Instant.parse(csv.header("Ledger-Read-At")).atZone(MOSCOW).getYear();

        assertThat(rows).hasSize(thisYear - 2020 + 1);
        assertThat(rows.get(0)).containsEntry("agreement_id", agreement.toString())
                .containsEntry("pax_id", "PAX" + fixtures.marker).containsEntry("signed_date", "2020-11-09");
        assertThat(yearsUpTo2023(rows, PamImplementationExportTest::agreementYear)).containsExactly(
                "2020 1 true 2 1 6 16.7 0",
                "2021 2 true 2 4 6 66.7 1",
                "2022 3 true 2 3 6 50.0 1",
                "2023 4 true 2 3 6 50.0 1");
        assertThat(agreementYear(rows.get(rows.size() - 1)))
                .isEqualTo("%d %d false 2 3 6 50.0 1".formatted(thisYear, thisYear - 2019));
    }

    @Test
    void theJsonRowsAreTheCsvRowsWithTypedValues() throws Exception {
        Map<String, String> asOf = Map.of("q", fixtures.marker, "asOf", recordedAt(agreement, 5).toString());
        for (String path : List.of(TERMS, AGREEMENTS)) {
            ExtractableResponse<Response> json = export(path, null, asOf);
            assertThat(json.contentType()).as("JSON when any type is accepted").startsWith("application/json");
            assertThat(given().accept("application/json").queryParams(asOf).get(path).then().statusCode(200).extract()
                    .asString()).isEqualTo(json.asString());
            ExtractableResponse<Response> csv = export(path, CSV, asOf);
            JsonNode array = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(json.asString());

            List<Map<String, String>> csvRows = csvRows(csv.asString());
            assertThat(jsonRows(array)).as(path).isEqualTo(csvRows);
            List<String> keys = new ArrayList<>();
            array.get(0).fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("keys in the CSV's column order").containsExactlyElementsOf(csvRows.get(0).keySet());
            assertThat(array.get(0).get("year").isInt()).isTrue();
            assertThat(array.get(0).get("year_complete").isBoolean()).isTrue();
        }
        JsonNode terms = new ObjectMapper().readTree(export(TERMS, null, asOf).asString());
        assertThat(terms.get(0).get("score").isInt()).isTrue();
        JsonNode lachinIn2020 = terms.get(terms.size() / 2);
        assertThat(lachinIn2020.get("term_id").asText()).isEqualTo(lachin.toString());
        assertThat(lachinIn2020.get("assessment_effective_at").isNull()).as("no assessment in 2020").isTrue();
        JsonNode agreements = new ObjectMapper().readTree(export(AGREEMENTS, null, asOf).asString());
        assertThat(agreements.get(0).get("implementation_pct").isNumber()).isTrue();
        assertThat(export(AGREEMENTS, null, asOf).asString()).contains("\"implementation_pct\":50.0,");
    }

    // --- as of an instant, and the hash -----------------------------------------------------------

    @Test
    void asOfAnEarlierInstantTheViolationRecordedLaterIsNotSeen() throws Exception {
        Instant before = beforeTheViolationWasRecorded();
        Map<String, String> query = Map.of("q", fixtures.marker, "asOf", before.toString());

        ExtractableResponse<Response> terms = export(TERMS, CSV, query);
        assertThat(terms.header("Ledger-As-Of")).isEqualTo(before.toString());
        assertThat(terms.header("Ledger-Read-At")).isNull();
        assertThat(yearsUpTo2023(csvRows(terms.asString()), PamImplementationExportTest::termYear)).containsExactly(
                "1 2020 1 true IN_PROGRESS 1 2020-11-12T00:00:00Z",
                "1 2021 2 true IN_PROGRESS 1 2020-11-12T00:00:00Z",
                "1 2022 3 true IN_PROGRESS 1 2020-11-12T00:00:00Z",
                "1 2023 4 true IN_PROGRESS 1 2020-11-12T00:00:00Z",
                "2 2020 1 true PENDING 0 ",
                "2 2021 2 true FULFILLED 3 2021-03-01T00:00:00Z",
                "2 2022 3 true FULFILLED 3 2021-03-01T00:00:00Z",
                "2 2023 4 true FULFILLED 3 2021-03-01T00:00:00Z");
        assertThat(yearsUpTo2023(csvRows(export(AGREEMENTS, CSV, query).asString()),
                PamImplementationExportTest::agreementYear)).containsExactly(
                "2020 1 true 2 1 6 16.7 0",
                "2021 2 true 2 4 6 66.7 1",
                "2022 3 true 2 4 6 66.7 1",
                "2023 4 true 2 4 6 66.7 1");

        Instant beforeItWasRecorded = recordedAt(agreement, 0).minusSeconds(1);
        assertThat(csvRows(export(TERMS, CSV, Map.of("q", fixtures.marker, "asOf", beforeItWasRecorded.toString()))
                .asString())).isEmpty();
    }

    @Test
    void theHashNamedInTheHeadersIsTheHashOfTheBodyAndTheSameAsOfGivesTheSameBytes() throws Exception {
        Map<String, String> query = Map.of("q", fixtures.marker, "asOf", beforeTheViolationWasRecorded().toString());
        for (String accept : new String[] {CSV, null}) {
            ExtractableResponse<Response> first = export(TERMS, accept, query);
            ExtractableResponse<Response> second = export(TERMS, accept, query);

            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(first.asByteArray());
            assertThat(first.header("Ledger-Content-Hash")).isEqualTo("sha256:" + HexFormat.of().formatHex(sha256));
            assertThat(first.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
            assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
            assertThat(second.header("Ledger-Content-Hash")).isEqualTo(first.header("Ledger-Content-Hash"));
            assertThat(first.header("Content-Disposition")).startsWith("attachment; filename=\"pam-terms-")
                    .endsWith(accept == null ? ".json\"" : ".csv\"");
        }
    }

    @Test
    void theExportsTakeTheListsFilters() throws Exception {
        assertThat(csvRows(export(AGREEMENTS, CSV, Map.of("q", fixtures.marker, "theater", "NAGORNO_KARABAKH",
                "signatory", fixtures.rus, "kind", "CEASEFIRE", "status", "IN_FORCE")).asString())).isNotEmpty();
        assertThat(csvRows(export(AGREEMENTS, CSV, Map.of("q", fixtures.marker, "theater", "LIBYA")).asString()))
                .isEmpty();
        assertThat(csvRows(export(TERMS, CSV, Map.of("q", fixtures.marker, "kind", "ARMISTICE")).asString()))
                .isEmpty();
    }

    // --- what an export refuses -------------------------------------------------------------------

    @Test
    void pagingAndUnknownParametersAreRefusedNamingThem() {
        for (String path : List.of(TERMS, AGREEMENTS)) {
            for (String parameter : List.of("limit", "cursor", "sort", "theatre")) {
                given().queryParam(parameter, "5").get(path).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem(parameter))
                        .body("errors.message", hasItem(containsString("unknown query parameter")));
            }
            given().accept(CSV).queryParam("limit", "5").get(path).then().statusCode(400)
                    .body("errors.field", hasItem("limit"));
        }
    }

    @Test
    void aBadFilterOrAsOfIsRefusedNamingIt() {
        for (String path : List.of(TERMS, AGREEMENTS)) {
            given().queryParam("asOf", "yesterday").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("asOf"));
            given().accept(CSV).queryParam("asOf", Instant.now().plusSeconds(600).toString()).get(path).then()
                    .statusCode(400).body("errors[0].field", equalTo("asOf"));
            given().queryParam("theater", "ATLANTIS").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("theater"));
            given().queryParam("signatory", "NOBODY" + fixtures.marker).get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("signatory"));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private UUID recorded(String body) {
        ExtractableResponse<Response> created = fixtures.record(body);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return UUID.fromString(created.path("id"));
    }

    /** The export, as CSV or (accept null) with REST Assured's default Accept header (any type), which answers JSON. */
    private static ExtractableResponse<Response> export(String path, String accept, Map<String, String> query) {
        RequestSpecification request = given().queryParams(query);
        if (accept != null) {
            request = request.accept(accept);
        }
        return request.get(path).then().statusCode(200).extract();
    }

    private static List<Map<String, String>> csvRows(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.stream().map(CSVRecord::toMap).toList();
        }
    }

    /** The rows with each value as the CSV writes it: null as empty. */
    private static List<Map<String, String>> jsonRows(JsonNode array) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode object : array) {
            Map<String, String> row = new LinkedHashMap<>();
            object.fields().forEachRemaining(field ->
                    row.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText()));
            rows.add(row);
        }
        return rows;
    }

    /** The rows of the years every run sees ended (2020 to 2023), each in short. */
    private static List<String> yearsUpTo2023(List<Map<String, String>> rows, Function<Map<String, String>, String> shown) {
        return rows.stream().filter(row -> Integer.parseInt(row.get("year")) <= 2023).map(shown).toList();
    }

    private static String termYear(Map<String, String> row) {
        return String.join(" ", row.get("term_order"), row.get("year"), row.get("year_index"), row.get("year_complete"),
                row.get("status"), row.get("score"), row.get("assessment_effective_at"));
    }

    private static String agreementYear(Map<String, String> row) {
        return String.join(" ", row.get("year"), row.get("year_index"), row.get("year_complete"), row.get("terms"),
                row.get("score_sum"), row.get("score_max"), row.get("implementation_pct"), row.get("terms_fulfilled"));
    }
}
