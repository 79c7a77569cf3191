package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A conflict event's identifiers in other datasets ({@code externalIds}): ACLED's and UCDP GED's as the schemes
 * {@code acled} and {@code ucdp-ged} beside any other, each naming one event, searchable now and as of an instant.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventExternalIdsApiTest {
    private static final String EVENTS = "/api/v1/events";

    @Inject
    ActorDirectory directory;

    private String marker;
    private String aze;

    @BeforeEach
    void anActorKnownFromTheActorTopic() throws Exception {
        marker = Long.toHexString(System.nanoTime());
        aze = ("AZE" + marker).toUpperCase();
        try (ActorEvents actors = new ActorEvents()) {
            actors.registered(aze, "Azerbaijan " + marker, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(aze).isPresent());
    }

    @Test
    void anEventListsEveryIdentifierSortedAndIsFoundByEach() {
        String acled = "AZE" + marker;
        String id = report("\"acledEventId\": \"" + acled + "\", \"externalIds\": [{\"scheme\": \"wikidata\","
                + " \"value\": \"Q9" + number() + "\"}, {\"scheme\": \"ucdp-ged\", \"value\": \"" + number() + "\"}]")
                .statusCode(201)
                .body("externalIds.scheme", contains("acled", "ucdp-ged", "wikidata"))
                .body("externalIds[0].value", equalTo(acled))
                .extract().path("id");
        String ged = given().get(EVENTS + "/" + id).then().extract().path("ucdpGedId");
        String wikidata = given().get(EVENTS + "/" + id).then().extract().path("externalIds[2].value");

        for (String externalId : List.of("acled:" + acled, "ucdp-ged:" + ged, "wikidata:" + wikidata)) {
            given().queryParam("externalId", externalId).get(EVENTS).then().statusCode(200)
                    .body("items.id", contains(id));
        }
        given().queryParam("externalId", "wikidata:Q1" + number()).get(EVENTS).then().statusCode(200)
                .body("items", empty());
        given().queryParam("externalId", "wikidata").get(EVENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("externalId"));
        given().queryParam("externalId", "wikidata:not-an-item").get(EVENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void anIdentifierNamesOneEventUntilItsEventGivesItUp() {
        String wikidata = "Q8" + number();
        String first = report(wikidataId(wikidata)).statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(body(wikidataId(wikidata))).post(EVENTS).then().statusCode(409)
                .body("rule", equalTo("external-id-taken"));
        given().queryParam("externalId", "wikidata:" + wikidata).get(EVENTS).then().body("items.id", contains(first));

        Instant beforeCorrection = Instant.now();
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"externalIds\": [], \"reason\": \"wrong item\"}")
                .post(EVENTS + "/" + first + "/corrections").then().statusCode(200).body("externalIds", empty());
        given().queryParam("externalId", "wikidata:" + wikidata).get(EVENTS).then().body("items", empty());
        given().queryParam("externalId", "wikidata:" + wikidata).queryParam("asOf", beforeCorrection.toString())
                .get(EVENTS).then().statusCode(200).body("items.id", contains(first))
                .body("items[0].externalIds.value", contains(wikidata));

        String second = report(wikidataId(wikidata)).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"reason\": \"duplicate\"}").post(EVENTS + "/" + second + "/retract")
                .then().statusCode(200);
        report(wikidataId(wikidata)).statusCode(201);
    }

    @Test
    void anAcledIdIsOneWhetherNamedInItsFieldOrInTheList() {
        String acled = "AZE" + marker;
        report("\"externalIds\": [{\"scheme\": \"acled\", \"value\": \"" + acled + "\"}]").statusCode(201)
                .body("acledEventId", equalTo(acled)).body("externalIds", hasSize(1));
        given().contentType(ContentType.JSON).body(body("\"acledEventId\": \"" + acled + "\"")).post(EVENTS).then()
                .statusCode(409).body("rule", equalTo("external-id-taken"));

        given().contentType(ContentType.JSON).body(body("\"acledEventId\": \"ONE" + marker + "\", \"externalIds\":"
                + " [{\"scheme\": \"acled\", \"value\": \"TWO" + marker + "\"}]")).post(EVENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("externalIds[0]"));
        given().contentType(ContentType.JSON).body(body("\"externalIds\": [{\"scheme\": \"wikidata\", \"value\": \"Q-1\"}]"))
                .post(EVENTS).then().statusCode(400).body("errors[0].field", equalTo("externalIds[0].value"));
        given().contentType(ContentType.JSON).body(body("\"externalIds\": [{\"scheme\": \"Wiki data\", \"value\": \"Q1\"}]"))
                .post(EVENTS).then().statusCode(400).body("errors[0].field", equalTo("externalIds[0].scheme"));
        given().queryParam("acledEventId", acled).get(EVENTS).then().body("items", hasSize(1));

        given().contentType(ContentType.JSON).body(body("\"externalIds\": [{\"scheme\": \"acled\", \"value\": \"A"
                + marker + "\"}, {\"scheme\": \"acled\", \"value\": \"B" + marker + "\"}]")).post(EVENTS).then()
                .statusCode(400).body("errors[0].field", equalTo("externalIds[1]"));
        given().contentType(ContentType.JSON).body(body("\"ucdpGedId\": \"1\\u0000\"")).post(EVENTS).then()
                .statusCode(400).body("errors[0].field", equalTo("ucdpGedId"));
        given().contentType(ContentType.JSON).body(body("\"externalIds\": [{\"scheme\": \"ucdp-ged\", \"value\":"
                + " \"1\\u0001\"}]")).post(EVENTS).then()
                .statusCode(400).body("errors[0].field", equalTo("externalIds[0].value"));
    }

    private static String wikidataId(String item) {
        return "\"externalIds\": [{\"scheme\": \"wikidata\", \"value\": \"" + item + "\"}]";
    }

    private static String number() {
        return Long.toString(System.nanoTime() % 1_000_000_000L);
    }

    private io.restassured.response.ValidatableResponse report(String externalIds) {
        return given().contentType(ContentType.JSON).body(body(externalIds)).post(EVENTS).then();
    }

    private String body(String externalIds) {
        return """
                {"theater": "NAGORNO_KARABAKH", "type": "BATTLE", "date": "2020-10-01",
                 "actors": [{"actor": "%s", "role": "PERPETRATOR"}], "notes": "External ids %s", %s,
                 "reason": "test"}
                """.formatted(aze, marker, externalIds);
    }
}
