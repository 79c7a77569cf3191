package org.conflictledger.actors.access;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.devstack.tokens.ServiceAccessChecks;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.devstack.tokens.TokenChecksOn;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service checks the caller's token itself, whatever the gateway did (see {@link ServiceAccessChecks}), records
 * the token's subject, and describes the checks in its OpenAPI document.
 */
@QuarkusTest
@TestProfile(TokenChecksOn.class)
@WithTestResource(KafkaBrokerTestResource.class)
class ActorAccessTest extends ServiceAccessChecks {

    @Override
    protected String collection() {
        return "/api/v1/actors";
    }



    @Test
    void aReaderMayReadButARegistrationWithItsTokenIsForbiddenAndRecordsNothing() {
        String reader = TestTokens.bearer("rita@example.org", "reader");
        given().header("Authorization", reader).get("/api/v1/actors").then().statusCode(200);

        String key = key();
        register(key, reader).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:forbidden"))
                .body("detail", containsString("editor"));
        given().header("Authorization", reader).get("/api/v1/actors/" + key).then().statusCode(404);
    }

    @Test
    void anEditorsChangeIsRecordedUnderTheTokensSubjectNotAClaimedHeader() {
        String editor = TestTokens.bearer("ana@example.org", "editor");
        String id = given().contentType(ContentType.JSON).header("Authorization", editor)
                .header("X-Ledger-Principal", "someone-else@example.org")
                .body(body(key()))
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");

        given().header("Authorization", editor).get("/api/v1/actors/" + id + "/history").then().statusCode(200)
                .body("items[0].principal", equalTo("ana@example.org"));
    }



    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentNamesTheBearerSchemeAndTheRoleOfEachOperation() {
        given().accept("application/json").get("/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/actors'.get.x-required-role", equalTo("reader"))
                .body("paths.'/api/v1/actors'.post.x-required-role", equalTo("editor"))
                .body("paths.'/api/v1/actors'.post.security[0].bearerAuth", org.hamcrest.Matchers.empty())
                .body("paths.'/api/v1/actors'.post.responses.'403'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/actors/admin/read-model/rebuild'.post.x-required-role", equalTo("admin"))
                .body("paths.'/api/v1/actors/admin/read-model/rebuild'.post.responses.'401'.description",
                        containsString("bearer token"));
    }

    private static ValidatableResponse register(String key, String authorization) {
        return given().contentType(ContentType.JSON).header("Authorization", authorization).body(body(key))
                .post("/api/v1/actors").then();
    }

    private static String body(String key) {
        return """
                {"key": "%s", "name": "Access test state", "kind": "STATE", "aliases": []}""".formatted(key);
    }

    private static String key() {
        return "ACC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
    }
}
