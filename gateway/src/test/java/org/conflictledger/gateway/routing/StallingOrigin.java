package org.conflictledger.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in service on a loopback port that answers at once, after a second ({@code …/slow…}) or not at all
 * ({@code …/never…}, held until released), and counts what it sees: connections open, requests, requests answered,
 * and requests abandoned (their connection closed before the answer). Its own readiness ({@code /q/health/ready})
 * always answers 200. The tests read the counts straight from the origin, not through the gateway:
 * {@code GET /_origin/stats}; {@code POST /_origin/release} answers every held request.
 */
public final class StallingOrigin {
    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Set<HttpServerRequest> held = ConcurrentHashMap.newKeySet();
    private final Vertx vertx;
    private HttpServer server;

    private StallingOrigin(Vertx vertx) {
        this.vertx = vertx;
    }

    public static StallingOrigin start(Vertx vertx) {
        StallingOrigin origin = new StallingOrigin(vertx);
        origin.server = TestOrigins.listen(vertx.createHttpServer()
                .connectionHandler(connection -> {
                    origin.connections.incrementAndGet();
                    origin.connectionsOpen.incrementAndGet();
                    connection.closeHandler(v -> origin.connectionsOpen.decrementAndGet());
                })
                .requestHandler(origin::handle));
        return origin;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        switch (path) {
            case "/_origin/stats" -> request.response().putHeader("Content-Type", "application/json")
                    .end(stats().toBuffer());
            case "/_origin/release" -> {
                int released = 0;
                for (HttpServerRequest waiting : Set.copyOf(held)) {
                    held.remove(waiting);
                    answer(waiting);
                    released++;
                }
                request.response().end(String.valueOf(released));
            }
            case "/q/health/ready" -> request.response().putHeader("Content-Type", "application/json")
                    .end("{\"status\":\"UP\"}");
            default -> serve(request);
        }
    }

    private void serve(HttpServerRequest request) {
        requests.incrementAndGet();
        request.response().closeHandler(v -> {
            held.remove(request);
            if (!request.response().ended()) {
                abandoned.incrementAndGet();
            }
        });
        if (request.path().contains("/never")) {
            held.add(request);
        } else if (request.path().contains("/slow")) {
            vertx.setTimer(1000, id -> answer(request));
        } else {
            answer(request);
        }
    }

    private void answer(HttpServerRequest request) {
        if (request.response().closed() || request.response().ended()) {
            return;
        }
        answered.incrementAndGet();
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("path", request.path()).toBuffer());
    }

    private JsonObject stats() {
        return new JsonObject().put("connectionsOpen", connectionsOpen.get()).put("connections", connections.get())
                .put("requests", requests.get()).put("answered", answered.get()).put("abandoned", abandoned.get())
                .put("held", held.size());
    }
}
