package org.conflictledger.gateway.limits;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The gateway's request limits over real HTTP, in front of a recording origin: bodies above 1 KiB (2 KiB for the CSV
 * import) are a 413 whether declared or streamed, and a client may make 3 requests and then about one every 17
 * minutes. Each test is its own client (its own X-Forwarded-For address), so that the tests do not
 * use up each other's budget.
 */
@QuarkusTest
@TestProfile(LimitsTestProfile.class)
@WithTestResource(RecordingOrigin.class)
class RequestLimitsTest {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "limits-test.origin")
    String origin;

    /** A request from a client no other test uses. */
    private static RequestSpecification asNewClient() {
        return given().header("X-Forwarded-For", "198.51.100.7, 10.0.0." + CLIENTS.incrementAndGet());
    }

    private List<Map<String, Object>> receivedByOrigin(String path) {
        return given().baseUri(origin).queryParam("path", path).get("/_received").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWithoutReachingTheService() {
        asNewClient().contentType("application/json").body(new byte[1025])
                .post("/api/v1/actors/declared-too-large").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:conflict-ledger:problem:body-too-large"))
                .body("title", equalTo("Request body too large"))
                .body("status", equalTo(413))
                .body("detail", containsString("1024 bytes"))
                .body("instance", equalTo("/api/v1/actors/declared-too-large"));
        assertThat(receivedByOrigin("/api/v1/actors/declared-too-large")).isEmpty();

        asNewClient().contentType("application/json").body(new byte[1024])
                .post("/api/v1/actors/declared-at-the-limit").then()
                .statusCode(200).body("bytes", equalTo(1024));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsCutOffBeforeTheServiceHasItAndIs413() throws Exception {
        HttpResponse<String> refused = postChunked("/api/v1/actors/chunked-too-large", 8 * 1024);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("X-Correlation-Id")).isPresent();
        JsonPath problem = JsonPath.from(refused.body());
        assertThat(problem.getString("type")).isEqualTo("urn:conflict-ledger:problem:body-too-large");
        assertThat(problem.getString("title")).isEqualTo("Request body too large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).contains("1024 bytes");
        // The service either never saw the request or saw a body that never completed, so it recorded nothing.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receivedByOrigin("/api/v1/actors/chunked-too-large"))
                .allSatisfy(request -> assertThat(request.get("state")).isEqualTo("broken")));

        HttpResponse<String> accepted = postChunked("/api/v1/actors/chunked-small", 1000);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(accepted.body()).getInt("bytes")).isEqualTo(1000);
        assertThat(receivedByOrigin("/api/v1/actors/chunked-small")).singleElement()
                .satisfies(request -> assertThat(request.get("state")).isEqualTo("complete"));
    }

    @Test
    void theCsvImportHasItsOwnLargerLimit() throws Exception {
        asNewClient().contentType("text/csv").body(new byte[1500]).post("/api/v1/events/import").then()
                .statusCode(200).body("bytes", equalTo(1500));
        asNewClient().contentType("text/csv").body(new byte[2049]).post("/api/v1/events/import").then()
                .statusCode(413).body("detail", containsString("2048 bytes"));
        assertThat(postChunked("/api/v1/events/import", 3000).statusCode()).isEqualTo(413);
        asNewClient().contentType("text/csv").body(new byte[1500]).post("/api/v1/events/other").then()
                .statusCode(413);
    }

    @Test
    void aClientBeyondItsBurstGets429WithRetryAfterAndNothingReachesTheService() {
        String client = "10.1.0." + CLIENTS.incrementAndGet();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-Forwarded-For", client).get("/api/v1/actors/rated").then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response limited = given().header("X-Forwarded-For", client).get("/api/v1/actors/rated");
        limited.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("urn:conflict-ledger:problem:rate-limited"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/api/v1/actors/rated"));
        // one token per 1000 s: the next one is at most 1000 s away
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 1000L);
        assertThat(receivedByOrigin("/api/v1/actors/rated")).hasSize(3);

        // the stream counts like any request; the health checks never do
        given().header("X-Forwarded-For", client).get("/api/v1/stream").then().statusCode(429);
        given().header("X-Forwarded-For", client).get("/q/health/live").then().statusCode(200)
                .header("RateLimit-Limit", nullValue());
        // another client is not affected
        asNewClient().get("/api/v1/actors/rated").then().statusCode(200).header("RateLimit-Remaining", "2");
    }

    @Test
    void aTokenDoesNotBuyAFreshBucketOnlyTheAddressCounts() {
        String sharedAddress = "10.2.0." + CLIENTS.incrementAndGet();
        // Tokens are checked after the limits, so a made-up subject on each request must not escape them.
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", sharedAddress).auth().oauth2(token("made-up-" + i, "signature-" + i))
                    .get("/api/v1/actors").then().statusCode(200);
        }
        given().header("X-Forwarded-For", sharedAddress).auth().oauth2(token("yet-another", "x"))
                .get("/api/v1/actors").then().statusCode(429).header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", sharedAddress).get("/api/v1/actors").then().statusCode(429);
        // another address has its own bucket
        given().header("X-Forwarded-For", "10.2.1." + CLIENTS.incrementAndGet()).auth().oauth2(token("made-up-0", "y"))
                .get("/api/v1/actors").then().statusCode(200).header("RateLimit-Remaining", "2");
    }

    private static String token(String subject, String signature) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"test\",\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(signature.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST whose body has no Content-Length: the JDK client sends it chunked. */
    private HttpResponse<String> postChunked(String path, int bytes) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.toString()).resolve(path))
                .header("Content-Type", "text/csv")
                .header("X-Forwarded-For", "10.3.0." + CLIENTS.incrementAndGet())
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes])))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
