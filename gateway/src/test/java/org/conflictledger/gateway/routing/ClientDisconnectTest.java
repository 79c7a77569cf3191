package org.conflictledger.gateway.routing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #12: clients that go away mid-request (wrk stopping, a browser tab closed) must not leave the route's pooled
 * connections to the service held, or every later request through the gateway hangs. Thousands of requests, 64 at a
 * time, each closed before its answer is read; then a normal request must get its answer (within a client timeout
 * of 5 s, far below the gateway's own 30 s timeouts) and the service must have seen every abandoned request closed.
 */
@QuarkusTest
@WithTestResource(StallingOrigins.class)
class ClientDisconnectTest {
    private static final int CONCURRENCY = 64;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();

    @Test
    void clientsThatLeaveAQuickServiceDoNotWedgeItsRoute() throws Exception {
        LeavingClients.Tally tally = LeavingClients.run(RestAssured.port, 4000, CONCURRENCY,
                i -> "/api/v1/actors/A" + i % 16);
        System.out.println("quick service, clients: " + tally);
        assertThat(tally.failed()).isZero();

        JsonObject origin = settledOrigin("actors");
        int status = answerAfterwards("/api/v1/actors/after");
        System.out.printf("quick service, answered afterwards: %d; origin: %s%n", status, origin);
        assertThat(status).isEqualTo(200);
        assertThat(origin.getInteger("connectionsOpen")).isLessThanOrEqualTo(StallingOrigins.POOL_SIZE);
    }

    @Test
    void clientsThatLeaveASlowOrSilentServiceDoNotWedgeItsRoute() throws Exception {
        LeavingClients.Tally tally = LeavingClients.run(RestAssured.port, 2048, CONCURRENCY,
                i -> "/api/v1/agreements/" + (i % 2 == 0 ? "slow-" : "never-") + i % 16);
        System.out.println("slow/silent service, clients: " + tally);
        assertThat(tally.failed()).isZero();
        JsonObject origin = settledOrigin("agreements");
        int status = answerAfterwards("/api/v1/agreements/after");
        System.out.printf("slow/silent service, answered afterwards: %d; origin: %s%n", status, origin);
        assertThat(status).isEqualTo(200);
        assertThat(origin.getInteger("connectionsOpen")).isLessThanOrEqualTo(StallingOrigins.POOL_SIZE);
    }

    @Test
    void theServiceSeesTheRequestsOfClientsThatLeaveClosed() throws Exception {
        // as many clients as the route has connections wait until the service holds each request, then leave
        JsonObject before = stats("events");
        List<Socket> waiting = new ArrayList<>();
        for (int i = 0; i < StallingOrigins.POOL_SIZE; i++) {
            waiting.add(LeavingClients.send(RestAssured.port, "/api/v1/events/never-held-" + i));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stats("events").getInteger("held"))
                .isEqualTo(StallingOrigins.POOL_SIZE));
        for (int i = 0; i < waiting.size(); i++) {
            LeavingClients.leave(waiting.get(i), i % 2 == 0);
        }
        JsonObject origin = settledOrigin("events");
        int status = answerAfterwards("/api/v1/events/after");
        System.out.printf("%d clients left while the service held their requests; answered afterwards: %d;"
                + " origin before: %s, after: %s%n", waiting.size(), status, before, origin);
        assertThat(origin.getInteger("abandoned") - before.getInteger("abandoned"))
                .as("held requests the service saw closed once their clients had left")
                .isEqualTo(StallingOrigins.POOL_SIZE);
        assertThat(status).isEqualTo(200);
    }

    /**
     * The status of a normal request through the gateway, each attempt bounded by a 5 s client timeout. The gateway
     * may first have to work through what is left of the storm (connections the clients opened and closed at once,
     * each still to be read), so it gets up to three attempts; a wedged route times out on every one.
     */
    private int answerAfterwards(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(CLIENT_TIMEOUT).GET().build();
        for (int attempt = 1; ; attempt++) {
            String outcome;
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || attempt == 3) {
                    System.out.printf("answered afterwards (%s): %d at attempt %d%n", path, status, attempt);
                    return status;
                }
                outcome = String.valueOf(status);
            } catch (HttpTimeoutException e) {
                outcome = "no answer within " + CLIENT_TIMEOUT.toSeconds() + " s";
                if (attempt == 3) {
                    System.out.printf("answered afterwards (%s): %s at attempt %d%n", path, outcome, attempt);
                    throw e;
                }
            }
            System.out.printf("afterwards (%s), attempt %d: %s%n", path, attempt, outcome);
            Thread.sleep(1000);
        }
    }

    /**
     * The origin's counts once every request it saw was either answered or closed: none held open for a client
     * that has gone. Within 10 s, well before the gateway's own timeouts (30 s idle, 60 s total) could end them.
     */
    private JsonObject settledOrigin(String service) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = stats(service);
            assertThat(last[0].getInteger("held")).as("requests still held open at the origin: %s", last[0]).isZero();
            assertThat(last[0].getInteger("answered") + last[0].getInteger("abandoned"))
                    .as("requests neither answered nor closed: %s", last[0]).isEqualTo(last[0].getInteger("requests"));
        });
        return last[0];
    }

    /** The origin's counts, asked directly, not through the gateway. */
    private JsonObject stats(String service) throws Exception {
        URI stats = URI.create(ConfigProvider.getConfig().getValue("stalling-origins." + service, String.class)
                + "/_origin/stats");
        return new JsonObject(http.send(HttpRequest.newBuilder(stats).timeout(CLIENT_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
