package org.conflictledger.gateway.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.devstack.tokens.TokenChecksOn;
import org.conflictledger.gateway.routing.TestOrigins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every route against every kind of caller: the gateway refuses what the token does not allow with a problem
 * document before any service sees it, and lets the rest through with the token, for the service to check again.
 * The actors origin echoes what it receives; nothing listens for events, so an allowed events request is a 503.
 */
@QuarkusTest
@TestProfile(TokenChecksOn.class)
@WithTestResource(TestOrigins.class)
class GatewayAccessTest {

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,    /api/v1/actors,                          none,    401",
            "GET,    /api/v1/actors,                          reader,  200",
            "GET,    /api/v1/actors,                          editor,  200",
            "GET,    /api/v1/actors,                          admin,   200",
            "GET,    /api/v1/actors,                          guest,   403",
            "GET,    /api/v1/actors,                          expired, 401",
            "GET,    /api/v1/actors,                          forged,  401",
            "POST,   /api/v1/actors,                          none,    401",
            "POST,   /api/v1/actors,                          reader,  403",
            "POST,   /api/v1/actors,                          editor,  200",
            "POST,   /api/v1/actors,                          admin,   200",
            "POST,   /api/v1/actors,                          forged,  401",
            "PATCH,  /api/v1/actors/TUR/kind,                 reader,  403",
            "PATCH,  /api/v1/actors/TUR/kind,                 editor,  200",
            "PUT,    /api/v1/actors/TUR,                      reader,  403",
            "DELETE, /api/v1/actors/TUR/relationships/1,      reader,  403",
            "DELETE, /api/v1/actors/TUR/relationships/1,      editor,  200",
            "POST,   /api/v1/actors/admin/read-model/rebuild, editor,  403",
            "POST,   /api/v1/actors/admin/read-model/rebuild, admin,   200",
            "GET,    /api/v1/events,                          none,    401",
            "GET,    /api/v1/events,                          reader,  503",
            "POST,   /api/v1/events,                          reader,  403",
            "POST,   /api/v1/events,                          editor,  503",
            "POST,   /api/v1/events/admin/read-model/rebuild, editor,  403",
            "POST,   /api/v1/events/admin/read-model/rebuild, admin,   503",
            "GET,    /api/v1/agreements,                      none,    401",
            "POST,   /api/v1/agreements,                      reader,  403",
            "POST,   /api/v1/agreements/admin/read-model/rebuild, editor, 403",
            "GET,    /api/v1/stream,                          none,    401",
            "GET,    /api/v1/stream,                          forged,  401",
            "GET,    /api/v1/nothing-here,                    none,    401",
    })
    void eachRouteAndRole(String method, String path, String caller, int status) {
        var response = as(caller).contentType(ContentType.JSON).body("{}").request(method, path).then()
                .statusCode(status);
        if (status == 401) {
            response.contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer realm=\"conflict-ledger\""))
                    .body("type", equalTo("urn:conflict-ledger:problem:unauthorized"))
                    .body("instance", equalTo(path));
        } else if (status == 403) {
            response.contentType("application/problem+json")
                    .body("type", equalTo("urn:conflict-ledger:problem:forbidden"))
                    .body("detail", containsString(caller.equals("guest") ? "reader" : path.contains("/admin/") ? "admin" : "editor"));
        } else if (status == 200) {
            // The echo origin saw the request, and the token with it: the service checks it again.
            response.body("path", equalTo(path)).body("'header:authorization'", startsWith("Bearer "));
        }
    }

    @Test
    void theServicesDescriptionAndHealthNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/gateway-openapi").then().statusCode(200);
    }

    @Test
    void aBrowsersEventSourceMayPassItsTokenInTheQuery() throws Exception {
        String token = TestTokens.bearer("dashboard@example.org", "reader").substring("Bearer ".length());

        assertThat(streamStatus("?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).isEqualTo(200);
        assertThat(streamStatus("?access_token=not-a-token")).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,  //api/v1/stream,                              none,   401",
            "GET,  /api/v1//stream,                              none,   401",
            "GET,  /./api/v1/stream,                             none,   401",
            "GET,  /x/../api/v1/stream,                          none,   401",
            "GET,  /%61pi/v1/stream,                             none,   401",
            "GET,  //api/v1/actors,                              none,   401",
            "POST, /api/v1/actors/%61dmin/read-model/rebuild,    editor, 403",
            "POST, /api/v1/actors/admin;x=1/read-model/rebuild,  editor, 403",
    })
    void aPathWrittenAnotherWayMeetsTheSameCheck(String method, String path, String caller, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (!caller.equals("none")) {
            request.header("Authorization", TestTokens.bearer(caller + "@example.org", caller));
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        assertThat(response.statusCode()).isEqualTo(status);
    }

    @Test
    void onlyTheStreamTakesATokenInTheQuery() {
        String token = TestTokens.bearer("dashboard@example.org", "reader").substring("Bearer ".length());

        given().queryParam("access_token", token).get("/api/v1/actors").then().statusCode(401);
    }

    private int streamStatus(String query) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/stream" + query))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static RequestSpecification as(String caller) {
        RequestSpecification request = given();
        return switch (caller) {
            case "none" -> request;
            case "expired" -> request.header("Authorization", TestTokens.expiredBearer("late@example.org", "admin"));
            case "forged" -> request.header("Authorization", TestTokens.forgedBearer("mallory@example.org", "admin"));
            case "guest" -> request.header("Authorization", TestTokens.bearer("guest@example.org", "guest"));
            default -> request.header("Authorization", TestTokens.bearer(caller + "@example.org", caller));
        };
    }
}
