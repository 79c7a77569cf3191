package org.conflictledger.gateway.openapi;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /openapi} merges what the services serve live, and still answers when some of them cannot. */
@QuarkusTest
@WithTestResource(OpenApiOrigins.class)
class MergedOpenApiTest {

    @AfterEach
    void allServicesUp() {
        OpenApiOrigins.DOWN.clear();
    }

    @Test
    void openapiIsTheMergedDocumentOfTheThreeServicesAsJson() {
        given().get("/openapi").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("Conflict Ledger API"))
                .body("servers[0].url", equalTo("/"))
                .body("paths.'/api/v1/actors'.post", notNullValue())
                .body("paths.'/api/v1/events/{id}'.get", notNullValue())
                .body("paths.'/api/v1/agreements/{id}/terms/{termId}/compliance'.post", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("tags.name", hasItems("Actors", "Conflict events", "Agreements", "Agreement terms"))
                .body("'x-unavailable-services'", nullValue());
    }

    @Test
    void theGatewaysOwnEndpointsAreDescribedWithTheRoleTheyNeed() {
        given().get("/openapi").then()
                .statusCode(200)
                .body("paths.'/api/v1/audit'.get.x-required-role", equalTo("reader"))
                .body("paths.'/api/v1/audit'.get.responses.'401'", notNullValue())
                .body("paths.'/api/v1/releases'.post.operationId", equalTo("cutRelease"))
                .body("paths.'/api/v1/releases'.post.x-required-role", equalTo("admin"))
                .body("paths.'/api/v1/releases'.get.operationId", equalTo("listReleases"))
                .body("paths.'/api/v1/releases/{name}'.get.operationId", equalTo("getRelease"))
                .body("tags.name", hasItems("Audit", "Releases"))
                .body("paths.'/api/v1/stream'.get.x-required-role", equalTo("reader"))
                .body("paths.'/api/v1/stream'.get.responses.'200'.content", hasKey("text/event-stream"))
                .body("paths.'/api/v1/stream'.get.parameters.name", hasItems("recordType", "Last-Event-ID", "access_token"))
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("info.description", containsString("**gateway**"));
    }

    @Test
    void everyReferenceInTheMergedDocumentResolves() throws Exception {
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        List<String> unresolved = new java.util.ArrayList<>();
        collectUnresolved(document, document, unresolved);
        org.assertj.core.api.Assertions.assertThat(unresolved).isEmpty();
    }

    private static void collectUnresolved(com.fasterxml.jackson.databind.JsonNode root,
                                          com.fasterxml.jackson.databind.JsonNode node, List<String> unresolved) {
        if (node.isObject() && node.has("$ref") && node.get("$ref").isTextual()) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        node.forEach(child -> collectUnresolved(root, child, unresolved));
    }

    @Test
    void openapiIsYamlWhenAskedFor() {
        given().queryParam("format", "yaml").get("/openapi").then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(startsWith("openapi: 3.1.0"), containsString("/api/v1/agreements/{id}/schedule:"));
        given().accept("application/yaml").get("/openapi").then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"));
    }

    @Test
    void aServiceThatIsDownIsListedAndTheOthersAreStillDescribed() {
        OpenApiOrigins.DOWN.add("events");

        given().get("/openapi").then()
                .statusCode(200)
                .body("'x-unavailable-services'", equalTo(List.of("events")))
                .body("paths.'/api/v1/actors'", notNullValue())
                .body("paths.'/api/v1/agreements'", notNullValue())
                .body("paths.'/api/v1/events'", nullValue());
    }

    @Test
    void whenNoServiceAnswersOpenapiIsA503Problem() {
        OpenApiOrigins.DOWN.addAll(OpenApiMergerTest.SERVICES);

        given().get("/openapi").then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503))
                .body("type", equalTo("urn:conflict-ledger:problem:service-unavailable"));
    }

    @Test
    void swaggerUiIsServedAndReadsTheMergedDocument() {
        given().redirects().follow(true).get("/q/swagger-ui/").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("/openapi"), not(containsString("gateway-openapi")));
    }
}
