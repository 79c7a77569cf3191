package org.conflictledger.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.devstack.openapi.OpenApiRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document keeps the suite's rules ({@link OpenApiRules}): every operation summarised, tagged,
 * with its 400 and an operationId of its own; no schema named after a Java type.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class OpenApiDocumentTest {

    @Test
    void theDocumentKeepsTheSuitesOpenApiRules() throws Exception {
        String text = given().queryParam("format", "json").get("/openapi").then().statusCode(200).extract().asString();
        // The gateway's OpenAPI tests serve copies of the services' documents (gateway/src/test/resources/openapi).
        Files.createDirectories(Path.of("target", "openapi"));
        Files.writeString(Path.of("target", "openapi", "events.json"), text);
        JsonNode document = new ObjectMapper().readTree(text);
        assertThat(OpenApiRules.operations(document)).isGreaterThan(5);
        assertThat(OpenApiRules.problems(document)).isEmpty();
    }
}
