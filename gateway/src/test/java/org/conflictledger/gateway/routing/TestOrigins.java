package org.conflictledger.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Origins for the routing tests, on loopback ports: one that answers with what it received (method, path, query,
 * headers, body) and the headers a ledger service sets, one that never answers, and a port where nothing listens.
 */
public class TestOrigins implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer echo = listen(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject received = new JsonObject().put("method", request.method().name()).put("path", request.path())
                    .put("query", request.query()).put("body", body.toString());
            request.headers().forEach(header -> received.put("header:" + header.getKey().toLowerCase(), header.getValue()));
            request.response().putHeader("Content-Type", "application/json").putHeader("ETag", "\"7\"")
                    .putHeader("Location", "/api/v1/actors/123").putHeader("Link", "</api/v1/actors?cursor=x>; rel=\"next\"")
                    .setStatusCode(request.path().endsWith("/created") ? 201 : 200)
                    .end(received.toBuffer());
        })));
        HttpServer silent = listen(vertx.createHttpServer().requestHandler(request -> {
            // never answers
        }));
        return Map.of(
                "gateway.actors-url", "http://127.0.0.1:" + echo.actualPort(),
                "gateway.events-url", "http://127.0.0.1:" + freePort(),
                "gateway.agreements-url", "http://127.0.0.1:" + silent.actualPort(),
                "gateway.request-timeout", "1s",
                "gateway.health-timeout", "8s");
    }

    /** Starts a test origin on a free loopback port. */
    public static HttpServer listen(HttpServer server) {
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a test origin", e);
        }
    }

    /** A loopback port where nothing listens (it was free a moment ago). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
