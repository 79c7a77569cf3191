package org.conflictledger.gateway.routing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** The gateway forwards each part of the API to its service unchanged, and answers for a service that cannot. */
@QuarkusTest
@WithTestResource(TestOrigins.class)
class GatewayRoutingTest {

    @Test
    void aWriteReachesItsServiceWithPathQueryHeadersAndBodyUnchanged() {
        given().contentType(ContentType.JSON).header("If-Match", "\"6\"").header("Idempotency-Key", "k-1")
                .header("X-Correlation-Id", "corr-42").queryParam("reason", "a b")
                .body("{\"name\": \"Türkiye\"}")
                .post("/api/v1/actors/TUR/rename").then()
                .statusCode(200)
                .header("ETag", "\"7\"")
                .header("Location", endsWith("/api/v1/actors/123"))
                .header("Link", "</api/v1/actors?cursor=x>; rel=\"next\"")
                .header("X-Correlation-Id", "corr-42")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/v1/actors/TUR/rename"))
                .body("query", equalTo("reason=a%20b"))
                .body("body", equalTo("{\"name\": \"Türkiye\"}"))
                .body("'header:if-match'", equalTo("\"6\""))
                .body("'header:idempotency-key'", equalTo("k-1"))
                .body("'header:x-correlation-id'", equalTo("corr-42"));
    }

    @Test
    void aRequestWithoutACorrelationIdGetsOneThatTheServiceAndTheClientSee() {
        String id = given().get("/api/v1/actors").then().statusCode(200)
                .header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("path", equalTo("/api/v1/actors"))
                .extract().header("X-Correlation-Id");
        given().get("/api/v1/actors").then().body("'header:x-correlation-id'", matchesPattern("[0-9a-f-]{36}"));
        org.assertj.core.api.Assertions.assertThat(id).isNotBlank();
    }

    @Test
    void onlyThePathsAServiceOwnsAreForwarded() {
        given().get("/api/v1/actorsandmore").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("path", nullValue());
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aServiceThatCannotBeReachedIsAServiceUnavailableProblem() {
        given().get("/api/v1/events?theater=SYRIA").then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("service", equalTo("events-service"))
                .body("instance", equalTo("/api/v1/events?theater=SYRIA"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeoutProblem() {
        given().get("/api/v1/agreements").then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("service", equalTo("agreements-service"));
    }
}
