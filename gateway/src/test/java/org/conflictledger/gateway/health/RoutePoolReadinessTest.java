package org.conflictledger.gateway.health;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.conflictledger.gateway.routing.StallingOrigins;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Readiness asks each service through the same connection pool its route uses: while every connection of the route
 * is taken by requests the service does not answer, the gateway cannot serve that route, and readiness says so,
 * although the service itself still answers its own readiness at once. Once the service answers, readiness is green.
 */
@QuarkusTest
@WithTestResource(StallingOrigins.class)
class RoutePoolReadinessTest {

    @Test
    void readinessIsDownWhileARoutesPoolIsTakenAndUpOnceItIsFreeAgain() throws Exception {
        String origin = ConfigProvider.getConfig().getValue("stalling-origins.events", String.class);
        awaitEventsService("UP");

        List<Socket> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < StallingOrigins.POOL_SIZE; i++) {
                waiting.add(send("/api/v1/events/never-" + i));
            }
            JsonPath down = awaitEventsService("DOWN");
            System.out.println("readiness while the events route's pool is taken: " + down.getString("data"));
            assertThat(down.getString("data.'events-service'")).isIn("TIMED_OUT", "BUSY");
            assertThat(down.getString("data.'actors-service'")).isEqualTo("UP");
            assertThat(given().baseUri(origin).get("/_origin/stats").jsonPath().getInt("held"))
                    .isEqualTo(StallingOrigins.POOL_SIZE);
            given().baseUri(origin).get("/q/health/ready").then().statusCode(200);

            given().baseUri(origin).post("/_origin/release").then().statusCode(200)
                    .body(equalTo(String.valueOf(StallingOrigins.POOL_SIZE)));
            for (Socket socket : waiting) {
                assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
            }
            JsonPath up = awaitEventsService("UP");
            System.out.println("readiness once the service answered: " + up.getString("data"));
        } finally {
            for (Socket socket : waiting) {
                socket.close();
            }
        }
    }

    /** The {@code services} check once it reports {@code state} for events-service. */
    private static JsonPath awaitEventsService(String state) {
        JsonPath[] services = new JsonPath[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            services[0] = JsonPath.from(given().get("/q/health/ready").then().extract().body().asString())
                    .setRootPath("checks.find { it.name == 'services' }");
            String events = services[0].getString("data.'events-service'");
            assertThat("UP".equals(events) ? "UP" : "DOWN").as("events-service: %s", events).isEqualTo(state);
        });
        return services[0];
    }

    /** A client that sends a request through the gateway and stays connected, waiting for the answer. */
    private static Socket send(String path) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
}
