package org.conflictledger.agreements.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation export reads agreements a page at a time (two here): every signed agreement once, in signing
 * order, across the pages, and the unsigned ones (last in the list's order) not at all.
 */
@QuarkusTest
@TestProfile(PamExportPagingTest.PagesOfTwo.class)
@WithTestResource(KafkaBrokerTestResource.class)
class PamExportPagingTest {

    public static class PagesOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agreements.export.page-size", "2");
        }
    }

    @Inject
    ActorDirectory directory;

    @Test
    void everySignedAgreementComesOnceInSigningOrderAcrossPages() throws Exception {
        AgreementFixtures fixtures = new AgreementFixtures().actorsKnown(directory);
        UUID latest = signedOn(fixtures, "2021-02-03");
        UUID first = signedOn(fixtures, "2019-05-01");
        UUID unsigned = signedOn(fixtures, null);
        UUID middle = signedOn(fixtures, "2020-11-09");
        UUID alsoLatest = signedOn(fixtures, "2021-02-03");

        ExtractableResponse<Response> export = given().accept("text/csv").queryParam("q", fixtures.marker)
                .get("/api/v1/agreements/exports/pam/agreements").then().statusCode(200).extract();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export.asString())).getRecords();
        List<String> agreements = rows.stream().map(row -> row.get("agreement_id")).distinct().toList();

        assertThat(agreements).hasSize(4).doesNotContain(unsigned.toString())
                .startsWith(first.toString(), middle.toString())
                .containsAll(List.of(latest.toString(), alsoLatest.toString()));
        // Each agreement's rows together, one per year since its signing.
        for (String agreement : agreements) {
            List<Integer> years = rows.stream().filter(row -> row.get("agreement_id").equals(agreement))
                    .map(row -> Integer.parseInt(row.get("year"))).toList();
            assertThat(years).isSorted().doesNotHaveDuplicates();
            assertThat(years.get(years.size() - 1) - years.get(0) + 1).isEqualTo(years.size());
        }
        assertThat(rows.stream().filter(row -> row.get("agreement_id").equals(first.toString())).findFirst()
                .orElseThrow().get("year")).isEqualTo("2019");
    }

    @Test
    void theCanonicalExportOfAReleaseHasEveryAgreementUnsignedOnesLastWithItsTermsAndTheHashTheReleaseNames()
            throws Exception {
        AgreementFixtures fixtures = new AgreementFixtures().actorsKnown(directory);
        UUID unsigned = signedOn(fixtures, null);
        UUID signed = signedOn(fixtures, "2020-11-09");
        fixtures.addTermOk(signed, fixtures.kalbajar(1));
        UUID earlier = signedOn(fixtures, "2019-05-01");
        String at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
        String release = "pam-" + fixtures.marker;
        String hash = given().contentType("application/json").body(Map.of("freezesAt", at, "note", "test release"))
                .put("/api/v1/agreements/releases/" + release).then().statusCode(201)
                .extract().path("contentHash");
        UUID recordedLater = signedOn(fixtures, "2020-01-01");

        ExtractableResponse<Response> export = given().queryParam("release", release)
                .get("/api/v1/agreements/exports/canonical").then().statusCode(200)
                .header("Ledger-Content-Hash", hash).extract();
        assertThat("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(export.asByteArray()))).isEqualTo(hash);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : export.asString().split("\n")) {
            lines.add(json.readTree(line));
        }
        List<String> ids = lines.stream().map(line -> line.get("agreement").get("id").asText()).toList();
        // Pages of two; signing order, unsigned last; nothing recorded after the release.
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(recordedLater.toString())
                .containsSubsequence(earlier.toString(), signed.toString(), unsigned.toString());
        assertThat(ids.get(ids.size() - 1)).isEqualTo(lines.stream()
                .filter(line -> !line.get("agreement").hasNonNull("signedOn")).reduce((a, b) -> b).orElseThrow()
                .get("agreement").get("id").asText());
        com.fasterxml.jackson.databind.JsonNode statement = lines.get(ids.indexOf(signed.toString()));
        assertThat(statement.get("terms").size()).isEqualTo(statement.get("agreement").get("terms").asInt())
                .isGreaterThan(0);
        assertThat(statement.get("terms").get(0).get("agreementId").asText()).isEqualTo(signed.toString());
        assertThat(statement.get("agreement").get("signatories")).allSatisfy(signatory ->
                assertThat(signatory.hasNonNull("name")).isFalse());

        fixtures.addTermOk(signed, fixtures.agdam(2));
        given().queryParam("release", release).get("/api/v1/agreements/" + signed + "/terms").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));
        given().get("/api/v1/agreements/" + signed + "/terms").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(2));
        given().queryParam("release", release).queryParam("asOf", at).get("/api/v1/agreements/" + signed + "/terms")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("release"));
    }

    private static UUID signedOn(AgreementFixtures fixtures, String date) {
        String body = fixtures.statement().replace("\"inForceAt\": \"2020-11-09T21:00:00Z\", ", "");
        body = date == null ? body.replace("\"signedOn\": \"2020-11-09\", ", "")
                : body.replace("\"signedOn\": \"2020-11-09\"", "\"signedOn\": \"" + date + "\"");
        ExtractableResponse<Response> created = fixtures.record(body);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return UUID.fromString(created.path("id"));
    }
}
