package org.conflictledger.gateway.stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.conflictledger.devstack.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The stream with token checks on: it lasts no longer than its token, its browser form (?access_token=) works with
 * an actor key, and that token is never written back (problem documents) nor logged (the access log).
 */
@QuarkusTest
@TestProfile(StreamTokenTest.ChecksOnWithAccessLog.class)
@WithTestResource(ActorKeyOrigin.class)
class StreamTokenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Token checks on, and the gateway's access log, which operators may switch on. */
    public static class ChecksOnWithAccessLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestTokens.checksOn());
            config.put("quarkus.http.access-log.enabled", "true");
            return config;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aStreamEndsWhenItsTokenExpiresAndSaysWhereToResume() throws Exception {
        String token = token(TestTokens.bearerValidFor(Duration.ofSeconds(3), "dashboard@example.org", "reader"));

        try (SseClient client = SseClient.open(stream("access_token=" + encoded(token)), null)) {
            SseClient.Message expired = client.next(WAIT);

            assertThat(expired.event()).isEqualTo("expired");
            assertThat(new JsonObject(expired.data()).containsKey("lastEventId")).isTrue();
            assertThat(client.poll(Duration.ofSeconds(2))).as("nothing after the expiry").isNull();
            assertThat(client.ended()).isTrue();
        }
    }

    @Test
    void aStreamIsNotOpenedWithATokenExpiredWithinTheClockSkewAllowance() {
        String token = token(TestTokens.bearerExpiredFor(Duration.ofSeconds(5), "dashboard@example.org", "reader"));

        given().header("Authorization", "Bearer " + token).get("/api/v1/stream").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString("expired"));
        // a single request with it is still within the allowance
        given().header("Authorization", "Bearer " + token).get("/api/v1/actors").then()
                .statusCode(not(equalTo(401)));
    }

    @Test
    void aBrowsersStreamForAnActorKeyLooksTheKeyUpWithItsQueryToken() throws Exception {
        String token = token(TestTokens.bearer("dashboard@example.org", "reader"));

        try (SseClient client = SseClient.open(stream("actor=GNA&access_token=" + encoded(token)), null)) {
            assertThat(client.contentType()).startsWith("text/event-stream");
        }
    }

    @Test
    void theQueryTokenIsNeverEchoedInAProblemDocument() {
        String token = token(TestTokens.bearer("dashboard@example.org", "reader"));

        given().urlEncodingEnabled(false).get("/api/v1/stream?nonsense=1&access_token=" + encoded(token)).then()
                .statusCode(400)
                .body("instance", equalTo("/api/v1/stream?nonsense=1"))
                .body(not(containsString(token)));
        given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token)
                .get("/api/v1/nothing-here?access_token=" + encoded(token)).then()
                .statusCode(404)
                .body("instance", equalTo("/api/v1/nothing-here"))
                .body(not(containsString(token)));
    }

    @Test
    void theAccessLogNamesPathsWithoutTheirQuery() throws Exception {
        String token = token(TestTokens.bearer("dashboard@example.org", "reader"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        try {
            given().urlEncodingEnabled(false).get("/api/v1/stream?marker=access-log&access_token=" + encoded(token))
                    .then().statusCode(400);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (lines.stream().noneMatch(line -> line.contains("/api/v1/stream")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            accessLog.removeHandler(capture);
        }

        assertThat(lines).anyMatch(line -> line.contains("GET /api/v1/stream"));
        assertThat(lines).noneMatch(line -> line.contains(token) || line.contains("access_token"));
    }

    private URI stream(String query) throws Exception {
        return base.toURI().resolve("api/v1/stream" + (query.isEmpty() ? "" : "?" + query));
    }

    private static String token(String bearer) {
        return bearer.substring("Bearer ".length());
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
