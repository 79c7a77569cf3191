package org.conflictledger.devstack.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service checks of its published OpenAPI document: it keeps {@link OpenApiRules}. A service's test
 * extends it and names the service. The document is also written to {@code target/openapi/<service>.json}, where
 * the gateway's OpenAPI tests take their copies from ({@code gateway/src/test/resources/openapi}).
 */
public abstract class ServiceOpenApiChecks {

    /** The service's name: {@code actors}, {@code events}, {@code agreements}. */
    protected abstract String service();

    @Test
    void theDocumentKeepsTheSuitesOpenApiRules() throws Exception {
        String text = given().queryParam("format", "json").get("/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target", "openapi"));
        Files.writeString(Path.of("target", "openapi", service() + ".json"), text);
        JsonNode document = new ObjectMapper().readTree(text);
        assertTrue(OpenApiRules.operations(document) > 5, "the document describes the service's operations");
        assertEquals(List.of(), OpenApiRules.problems(document), "the document keeps OpenApiRules");
    }
}
