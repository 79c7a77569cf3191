package org.conflictledger.actors.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.conflictledger.actors.api.ActorFixtures.registered;
import static org.conflictledger.actors.api.ActorFixtures.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Identifiers of actors in other datasets (crosswalks): added and removed as audited changes, one actor per id,
 * found with {@code ?externalId=scheme:value}, read as of an instant.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorExternalIdsApiTest {
    private static final String ACTORS = "/api/v1/actors";

    @Test
    void anIdNamesOneActorFindsItAndIsFreeAgainOnceRemoved() {
        String item = "Q" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        String turkeyKey = uniqueKey("TUR");
        String turkey = registered(turkeyKey, "Turkey", "STATE");
        String duplicate = registered(uniqueKey("TURDUP"), "Türkiye", "STATE");
        Instant beforeAdding = Instant.now();

        change(turkey, "external-ids", "wikidata", item).statusCode(200)
                .body("externalIds.scheme", contains("wikidata")).body("externalIds.value", contains(item))
                .body("version", equalTo(2));
        change(turkey, "external-ids", "wikidata", item).statusCode(200).body("version", equalTo(2));
        given().queryParam("externalId", "wikidata:" + item).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(turkeyKey));

        change(duplicate, "external-ids", "wikidata", item).statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("external-id-taken"));

        given().get(ACTORS + "/" + turkey + "/history").then().statusCode(200)
                .body("items.type", hasItem("ledger.actor.external-id-added.v1"))
                .body("items.find { it.type == 'ledger.actor.external-id-added.v1' }.reason", equalTo("crosswalk"));
        given().queryParam("asOf", beforeAdding.toString()).get(ACTORS + "/" + turkey).then().statusCode(200)
                .body("externalIds", empty());
        given().queryParam("externalId", "wikidata:" + item).queryParam("asOf", beforeAdding.toString())
                .get(ACTORS).then().statusCode(200).body("items", empty());

        change(turkey, "external-ids/remove", "wikidata", item).statusCode(200).body("externalIds", empty());
        change(turkey, "external-ids/remove", "wikidata", item).statusCode(409)
                .body("rule", equalTo("external-id-not-held"));
        change(duplicate, "external-ids", "wikidata", item).statusCode(200);
        given().queryParam("externalId", "wikidata:" + item).get(ACTORS).then().statusCode(200)
                .body("items.id", contains(duplicate));
    }

    @Test
    void aMergedDuplicateGivesItsIdsUpSoThatTheActorItWasMergedIntoCanTakeThem() {
        String item = "Q" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        String turkey = registered(uniqueKey("TUR"), "Turkey", "STATE");
        String duplicate = registered(uniqueKey("TURDUP"), "Turkey (duplicate)", "STATE");
        change(duplicate, "external-ids", "wikidata", item).statusCode(200);
        // Not while the duplicate holds it.
        change(turkey, "external-ids", "wikidata", item).statusCode(409);

        given().contentType(ContentType.JSON).body("{\"into\": \"" + turkey + "\", \"reason\": \"duplicate\"}")
                .post(ACTORS + "/" + duplicate + "/merge").then().statusCode(200)
                .body("status", equalTo("MERGED")).body("externalIds", empty());
        change(turkey, "external-ids", "wikidata", item).statusCode(200);
        given().queryParam("externalId", "wikidata:" + item).get(ACTORS).then().statusCode(200)
                .body("items.id", contains(turkey));
    }

    @Test
    void idsKeepTheOrderTheyWereAddedInAndTheReadModelVerifies() {
        String actor = registered(uniqueKey("ORD"), "Ordered", "STATE");
        String item = "Q" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        change(actor, "external-ids", "wikidata", item).statusCode(200);
        change(actor, "external-ids", "acled", "Ordered forces " + item).statusCode(200);
        change(actor, "external-ids", "acled-interaction", "1").statusCode(200);

        given().get(ACTORS + "/" + actor).then().statusCode(200)
                .body("externalIds.scheme", contains("wikidata", "acled", "acled-interaction"));
        given().get(ACTORS + "/" + actor + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("readModel", equalTo("matches"));
    }

    @Test
    void aClassificationIsSharedByManyActors() {
        String azerbaijan = registered(uniqueKey("AZE"), "Azerbaijan", "STATE");
        String armenia = registered(uniqueKey("ARM"), "Armenia", "STATE");
        change(azerbaijan, "external-ids", "acled-interaction", "1").statusCode(200);
        change(armenia, "external-ids", "acled-interaction", "1").statusCode(200);
        given().queryParam("externalId", "acled-interaction:1").queryParam("limit", "500").get(ACTORS).then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItems(azerbaijan, armenia));
    }

    @Test
    void anIdOfTheWrongShapeIsA400NamingTheField() {
        String actor = registered(uniqueKey("BAD"), "Somebody", "STATE");
        change(actor, "external-ids", "Wikidata", "Q1").statusCode(400).body("errors.field", hasItem("scheme"));
        change(actor, "external-ids", "wikidata", "1").statusCode(400).body("errors.field", hasItem("value"));
        change(actor, "external-ids", "ucdp", "x1").statusCode(400).body("errors.field", hasItem("value"));
        change(actor, "external-ids", "acled", "nul\\u0000inside").statusCode(400).body("errors.field", hasItem("value"));
        given().queryParam("externalId", "acled: padded").get(ACTORS).then().statusCode(400)
                .body("errors.field", hasItem("externalId"));
        given().contentType(ContentType.JSON).body("{\"scheme\": \"wikidata\", \"reason\": \"x\"}")
                .post(ACTORS + "/" + actor + "/external-ids").then().statusCode(400)
                .body("errors.field", hasItem("value"));
        given().queryParam("externalId", "Q43").get(ACTORS).then().statusCode(400)
                .body("errors.field", hasItem("externalId"));
        given().queryParam("externalId", "wikidata:43").get(ACTORS).then().statusCode(400)
                .body("errors.field", hasItem("externalId"));
        given().get(ACTORS + "/" + actor).then().body("version", equalTo(1)).body("externalIds", empty());
    }

    private static ValidatableResponse change(String actor, String path, String scheme, String value) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"scheme": "%s", "value": "%s", "reason": "crosswalk",
                         "sources": [{"title": "Wikidata", "url": "https://www.wikidata.org/"}]}
                        """.formatted(scheme, value))
                .post(ACTORS + "/" + actor + "/" + path).then();
    }
}
