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

    private static UUID signedOn(AgreementFixtures fixtures, String date) {
        String body = fixtures.statement().replace("\"inForceAt\": \"2020-11-09T21:00:00Z\", ", "");
        body = date == null ? body.replace("\"signedOn\": \"2020-11-09\", ", "")
                : body.replace("\"signedOn\": \"2020-11-09\"", "\"signedOn\": \"" + date + "\"");
        ExtractableResponse<Response> created = fixtures.record(body);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return UUID.fromString(created.path("id"));
    }
}
