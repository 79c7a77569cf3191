package org.conflictledger.gateway.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.gateway.limits.LimitsTestProfile;
import org.conflictledger.gateway.limits.RecordingOrigin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.gateway.limits.LimitsTestProfile.DASHBOARD;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * CORS and security headers over real HTTP, with a dashboard origin that may do everything and a wildcard that lets
 * any other origin read; every answer, proxied or the gateway's own, carries the security headers.
 */
@QuarkusTest
@TestProfile(LimitsTestProfile.class)
@WithTestResource(RecordingOrigin.class)
class BrowserHeadersTest {
    private static final String ELSEWHERE = "https://elsewhere.example.net";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "limits-test.origin")
    String origin;

    /** Each test is its own client: the profile allows 3 requests per client. */
    private static RequestSpecification asNewClient() {
        return given().header("X-Forwarded-For", "10.9.0." + CLIENTS.incrementAndGet());
    }

    private int receivedByOrigin(String path) {
        return given().baseUri(origin).queryParam("path", path).get("/_received").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    @Test
    void aPreflightFromTheDashboardIsAnsweredByTheGatewayForAWrite() {
        asNewClient().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match")
                .options("/api/v1/actors/preflighted").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", allOf(containsString("Authorization"),
                        containsString("Content-Type"), containsString("If-Match"), containsString("Idempotency-Key"),
                        containsString("X-Correlation-Id"), containsString("Last-Event-ID")))
                .header("Access-Control-Max-Age", "600")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
                .header("RateLimit-Limit", nullValue()) // not counted
                .header("X-Content-Type-Options", "nosniff");
        assertThat(receivedByOrigin("/api/v1/actors/preflighted")).isZero();
    }

    @Test
    void anyOtherOriginMayReadButNotWrite() {
        asNewClient().header("Origin", ELSEWHERE).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/actors/elsewhere").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD");
        asNewClient().header("Origin", ELSEWHERE).header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/actors/elsewhere").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:conflict-ledger:problem:cors-rejected"))
                .body("status", equalTo(403));
        asNewClient().header("Origin", ELSEWHERE).get("/api/v1/actors/elsewhere").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        // a write from that origin still reaches the service (a simple request needs no preflight), but the browser
        // gets no CORS headers, so the page cannot read the answer
        asNewClient().header("Origin", ELSEWHERE).contentType("text/plain").body("x")
                .post("/api/v1/actors/elsewhere").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue())
                .header("Vary", containsString("Origin"));
        assertThat(receivedByOrigin("/api/v1/actors/elsewhere")).isEqualTo(2);
    }

    @Test
    void theDashboardCanReadTheHeadersItNeedsAlsoFromA429() {
        RequestSpecification dashboard = given().header("X-Forwarded-For", "10.9.1." + CLIENTS.incrementAndGet())
                .header("Origin", DASHBOARD);
        ValidatableResponse first = dashboard.get("/api/v1/actors/read-by-dashboard").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Location"),
                        containsString("Link"), containsString("X-Correlation-Id"), containsString("RateLimit-Limit"),
                        containsString("RateLimit-Remaining"), containsString("Retry-After"),
                        containsString("Ledger-Content-Hash"), containsString("Repr-Digest"),
                        containsString("Ledger-As-Of"), containsString("Content-Disposition")))
                .header("ETag", "\"3\"");
        // the service's Vary stays, and the gateway adds Origin to it
        assertThat(first.extract().headers().getValues("Vary")).containsExactlyInAnyOrder("Accept", "Origin");
        dashboard.get("/api/v1/actors/read-by-dashboard").then().statusCode(200);
        dashboard.get("/api/v1/actors/read-by-dashboard").then().statusCode(200);
        dashboard.get("/api/v1/actors/read-by-dashboard").then()
                .statusCode(429)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Retry-After", not(emptyString()));
    }

    private static void hasSecurityHeaders(ValidatableResponse response, String policy) {
        response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", policy)
                .header("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void proxiedAnswersCarryTheSecurityHeadersInsteadOfTheServicesOwn() {
        ValidatableResponse proxied = asNewClient().get("/api/v1/actors/headers").then().statusCode(200)
                .header("Cache-Control", nullValue());
        hasSecurityHeaders(proxied, "default-src 'none'; frame-ancestors 'none'");
        // the origin sent X-Content-Type-Options: sniff-away; the gateway's value replaces it
        assertThat(proxied.extract().headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void problemDocumentsCarryTheSecurityHeadersAndAreNotCached() {
        ValidatableResponse notFound = asNewClient().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store");
        hasSecurityHeaders(notFound, "default-src 'none'; frame-ancestors 'none'");
        ValidatableResponse tooLarge = asNewClient().contentType("application/json").body(new byte[2000])
                .post("/api/v1/actors").then().statusCode(413)
                .header("Cache-Control", "no-store");
        hasSecurityHeaders(tooLarge, "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void theStreamCarriesTheSecurityHeaders() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.toString()).resolve("/api/v1/stream"))
                .header("X-Forwarded-For", "10.9.2." + CLIENTS.incrementAndGet())
                .timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(stream.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(stream.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(stream.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(stream.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(stream.headers().firstValue("RateLimit-Limit")).hasValue("3");
        }
    }

    @Test
    void swaggerUiGetsAPolicyThatLetsItRunButNotBeFramed() {
        ValidatableResponse page = asNewClient().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger"));
        hasSecurityHeaders(page, "frame-ancestors 'none'");
    }
}
