package org.conflictledger.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The open loop against a server in this JVM that answers in a fixed time. */
class OpenLoopTest {
    private HttpServer server;
    private volatile long serviceMillis;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(serviceMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            // No body: the answer goes out in one write (a body written apart from the headers meets Nagle's
            // algorithm and the client's delayed ACK, 40 ms a request, which would measure the test server).
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private OpenLoop.Calls calls(String path) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return n -> new OpenLoop.Call(HttpRequest.newBuilder(uri).GET().build(), null, false);
    }

    @Test
    void aServerThatKeepsUpIsMeasuredAtTheOfferedRateWithItsOwnLatency() throws Exception {
        serviceMillis = 2;
        OpenLoop.Step step = OpenLoop.run("fast", http, 2, 100, Duration.ofMillis(1500), Duration.ofMillis(500),
                calls("/"), OpenLoop.IGNORE);
        assertThat(step.throughput()).isBetween(85.0, 110.0);
        assertThat(step.percentileMs(50)).isLessThan(50);
        assertThat(step.errors()).isEmpty();
    }

    @Test
    void aServerThatFallsBehindIsChargedForTheWaitFromTheIntendedTime() throws Exception {
        // One client, 100/s offered, 50 ms per answer: at most 20/s get through, and the backlog grows.
        serviceMillis = 50;
        OpenLoop.Step step = OpenLoop.run("slow", http, 1, 100, Duration.ofMillis(1500), Duration.ofMillis(300),
                calls("/"), OpenLoop.IGNORE);
        assertThat(step.throughput()).isLessThan(25);
        // Closed-loop timing would say ~50 ms; from the intended send time the late requests waited far longer.
        assertThat(step.percentileMs(99)).isGreaterThan(500);
    }

    @Test
    void answersOtherThan2xxAreCountedAsErrorsNotLatencies() throws Exception {
        serviceMillis = 0;
        OpenLoop.Step step = OpenLoop.run("missing", http, 1, 50, Duration.ofMillis(600), Duration.ofMillis(100),
                calls("/missing"), OpenLoop.IGNORE);
        assertThat(step.errors()).containsOnlyKeys("404");
        assertThat(step.ok()).isZero();
        assertThat(step.latency().getTotalCount()).isZero();
    }
}
