package org.conflictledger.actors.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.conflictledger.actors.api.ActorFixtures.register;
import static org.conflictledger.actors.api.ActorFixtures.registered;
import static org.conflictledger.actors.api.ActorFixtures.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorLifecycleApiTest {

    @Test
    void registeringAnActorAnswersCreatedWithLocationAndETag() {
        String key = uniqueKey("TUR");
        register(key, "Turkey", "STATE")
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/actors/[0-9a-f-]{36}"))
                .header("ETag", "\"1\"")
                .body("key", equalTo(key))
                .body("name", equalTo("Turkey"))
                .body("kind", equalTo("STATE"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));
    }

    @Test
    void anActorIsReadableByIdAndByKeyRightAfterItsRegistration() {
        String key = uniqueKey("RUS");
        String id = registered(key, "Russia", "STATE");
        given().get("/api/v1/actors/" + id).then().statusCode(200).body("key", equalTo(key)).header("ETag", "\"1\"");
        given().get("/api/v1/actors/" + key).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void renamingAnActorKeepsItsHistory() {
        String key = uniqueKey("TUR");
        String id = registered(key, "Turkey", "STATE");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .header("X-Ledger-Principal", "analyst@example.org")
                .header("X-Correlation-Id", "corr-rename-1")
                .body("""
                        {"name": "Türkiye", "reason": "Official name since 2022",
                         "sources": [{"title": "UN terminology bulletin", "url": "https://example.org/un"}]}""")
                .post("/api/v1/actors/" + key + "/rename")
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .header("X-Correlation-Id", "corr-rename-1")
                .body("name", equalTo("Türkiye"))
                .body("version", equalTo(2));

        given().get("/api/v1/actors/" + id + "/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.type", contains("ledger.actor.registered.v1", "ledger.actor.renamed.v1"))
                .body("items[0].principal", equalTo("anonymous"))
                .body("items[0].payload.name", equalTo("Turkey"))
                .body("items[1].principal", equalTo("analyst@example.org"))
                .body("items[1].reason", equalTo("Official name since 2022"))
                .body("items[1].sources[0].title", equalTo("UN terminology bulletin"))
                .body("items[1].correlationId", equalTo("corr-rename-1"))
                .body("items[1].causationId", notNullValue())
                .body("items[1].hash", matchesPattern("[0-9a-f]{64}"))
                .body("items[1].payload.previousName", equalTo("Turkey"))
                .body("next", nullValue());
    }

    @Test
    void aStaleIfMatchIsRefusedWithPreconditionFailed() {
        String key = uniqueKey("ARM");
        registered(key, "Armenia", "STATE");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"Republic of Armenia\"}")
                .post("/api/v1/actors/" + key + "/rename").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"Hayastan\"}")
                .post("/api/v1/actors/" + key + "/rename")
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412))
                .body("type", containsString("stale-version"));
        given().get("/api/v1/actors/" + key).then().body("name", equalTo("Republic of Armenia"));
    }

    @Test
    void anActorAsOfAnEarlierInstantShowsItAsItStoodThen() throws InterruptedException {
        String key = uniqueKey("AZE");
        registered(key, "Azerbaijan", "STATE");
        String afterRegistration = given().get("/api/v1/actors/" + key + "/history").then()
                .extract().path("items[0].recordedAt");
        Thread.sleep(5);
        given().contentType(ContentType.JSON).body("{\"name\": \"Republic of Azerbaijan\"}")
                .post("/api/v1/actors/" + key + "/rename").then().statusCode(200);

        given().queryParam("asOf", afterRegistration).get("/api/v1/actors/" + key)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Azerbaijan"))
                .body("asOf", notNullValue());
        given().queryParam("asOf", "2019-01-01T00:00:00Z").get("/api/v1/actors/" + key)
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/actors/" + key).then().body("name", equalTo("Republic of Azerbaijan"));
    }

    @Test
    void theHashChainOfAnUntouchedActorVerifies() {
        String key = uniqueKey("FRA");
        registered(key, "France", "STATE");
        given().contentType(ContentType.JSON).body("{\"aliases\": [\"French Republic\"]}")
                .put("/api/v1/actors/" + key + "/aliases").then().statusCode(200).body("aliases", contains("French Republic"));
        given().get("/api/v1/actors/" + key + "/verify").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("events", equalTo(2))
                .body("head", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void aRetractedActorTakesNoFurtherChange() {
        String key = uniqueKey("XXX");
        registered(key, "Registered in error", "ARMED_GROUP");
        given().contentType(ContentType.JSON).body("{\"reason\": \"duplicate entry\"}")
                .post("/api/v1/actors/" + key + "/retract").then().statusCode(200).body("status", equalTo("RETRACTED"));
        given().contentType(ContentType.JSON).body("{\"name\": \"Anything\"}")
                .post("/api/v1/actors/" + key + "/rename")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("actor-retracted"));
    }

    @Test
    void aDuplicateCannotBeMergedIntoARetractedActor() {
        String duplicate = uniqueKey("DUP");
        String retracted = uniqueKey("RET");
        registered(duplicate, "Haftar's forces", "ARMED_GROUP");
        registered(retracted, "Libyan National Army (retracted)", "ARMED_GROUP");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/actors/" + retracted + "/retract")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"into\": \"" + retracted + "\"}")
                .post("/api/v1/actors/" + duplicate + "/merge")
                .then().statusCode(409)
                .body("rule", equalTo("other-actor-retracted"));
        given().get("/api/v1/actors/" + duplicate).then().body("status", equalTo("ACTIVE")).header("ETag", "\"1\"");
    }

    @Test
    void aMisspeltFieldIsABadRequestNamingItNotSilentlyDropped() {
        given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + uniqueKey("MIS") + "\", \"name\": \"Iran\", \"kind\": \"STATE\", \"contry\": \"IRN\"}")
                .post("/api/v1/actors")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("contry"))
                .body("errors[0].message", equalTo("unknown field"));
    }
}
