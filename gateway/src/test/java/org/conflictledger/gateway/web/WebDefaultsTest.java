package org.conflictledger.gateway.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.gateway.routing.TestOrigins;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The defaults, in the routing tests' setup: no origin is allowed (CORS off), no HSTS, a 1 MiB body limit, and a rate
 * limit of 200 at once that the test suite never reaches.
 */
@QuarkusTest
@WithTestResource(TestOrigins.class)
class WebDefaultsTest {

    @Test
    void withoutConfiguredOriginsNoCrossOriginAccessIsGranted() {
        given().header("Origin", "https://dashboard.example.org").get("/api/v1/actors").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", nullValue());
        given().header("Origin", "https://dashboard.example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/actors").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("urn:conflict-ledger:problem:cors-rejected"));
    }

    @Test
    void theDefaultHeadersAndLimits() {
        given().get("/api/v1/actors").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Strict-Transport-Security", nullValue())
                .header("RateLimit-Limit", "200");
        given().contentType("application/json").body(new byte[1024 * 1024 + 1]).post("/api/v1/actors").then()
                .statusCode(413)
                .body("detail", containsString("1048576 bytes"));
    }
}
