package org.conflictledger.agreements.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * An agreement's identifiers in other datasets ({@code externalIds}): its PA-X id as the scheme {@code pax} beside any
 * other, each naming one agreement, searchable now and as of an instant.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementExternalIdsApiTest {
    private static final String AGREEMENTS = "/api/v1/agreements";

    @Inject
    ActorDirectory directory;

    private AgreementFixtures fixtures;

    @BeforeEach
    void signatoriesKnownFromTheActorTopic() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
    }

    @Test
    void anAgreementListsItsPaxIdWithTheOthersAndIsFoundByEach() {
        String pax = number();
        String wikidata = "Q7" + number();
        String id = given().contentType(ContentType.JSON)
                .body(withIds("\"paxAgreementId\": \"" + pax + "\", \"externalIds\": [" + wikidataId(wikidata) + "]"))
                .post(AGREEMENTS).then().statusCode(201)
                .body("externalIds.scheme", contains("pax", "wikidata"))
                .body("externalIds.value", contains(pax, wikidata))
                .extract().path("id");

        given().queryParam("externalId", "pax:" + pax).get(AGREEMENTS).then().statusCode(200).body("items.id", contains(id));
        given().queryParam("externalId", "wikidata:" + wikidata).get(AGREEMENTS).then().body("items.id", contains(id));
        given().queryParam("externalId", "wikidata:" + wikidata).queryParam("asOf", Instant.now().toString())
                .get(AGREEMENTS).then().statusCode(200).body("items.id", contains(id));
        given().queryParam("externalId", "pax").get(AGREEMENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("externalId"));

        given().contentType(ContentType.JSON).body(withIds("\"externalIds\": [{\"scheme\": \"pax\", \"value\": \"" + pax
                + "\"}]")).post(AGREEMENTS).then().statusCode(409).body("rule", equalTo("external-id-taken"));
        given().contentType(ContentType.JSON).body(withIds("\"paxAgreementId\": \"1" + pax + "\", \"externalIds\":"
                + " [{\"scheme\": \"pax\", \"value\": \"2" + pax + "\"}]")).post(AGREEMENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("externalIds[0]"));
    }

    @Test
    void aCorrectionGivesUpAnIdentifierForAnotherAgreementToTake() {
        String wikidata = "Q6" + number();
        String first = given().contentType(ContentType.JSON).body(withIds("\"externalIds\": [" + wikidataId(wikidata) + "]"))
                .post(AGREEMENTS).then().statusCode(201).extract().path("id");
        Instant before = Instant.now();

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"externalIds\": [], \"reason\": \"wrong item\"}")
                .post(AGREEMENTS + "/" + first + "/corrections").then().statusCode(200).body("externalIds", empty());
        given().queryParam("externalId", "wikidata:" + wikidata).get(AGREEMENTS).then().body("items", empty());
        given().queryParam("externalId", "wikidata:" + wikidata).queryParam("asOf", before.toString()).get(AGREEMENTS)
                .then().statusCode(200).body("items.id", contains(first));

        String second = given().contentType(ContentType.JSON).body(withIds("\"externalIds\": [" + wikidataId(wikidata) + "]"))
                .post(AGREEMENTS).then().statusCode(201).extract().path("id");
        given().queryParam("externalId", "wikidata:" + wikidata).get(AGREEMENTS).then().body("items.id", contains(second));
    }

    private String withIds(String externalIds) {
        String statement = fixtures.statement().strip();
        return statement.substring(0, statement.length() - 1).replace("Statement of 9 November 2020",
                "Statement " + number()) + ", " + externalIds + "}";
    }

    private static String wikidataId(String item) {
        return "{\"scheme\": \"wikidata\", \"value\": \"" + item + "\"}";
    }

    private static String number() {
        return Long.toString(System.nanoTime() % 1_000_000_000L);
    }
}
