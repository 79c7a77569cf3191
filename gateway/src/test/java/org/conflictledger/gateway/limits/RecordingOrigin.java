package org.conflictledger.gateway.limits;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One origin behind all three routes, on a loopback port. It answers every request with what it received, once the
 * whole body has arrived, and records each request it sees: {@code started} when its headers arrive, then
 * {@code complete} (with the body's size) or {@code broken} when the body never completes. The tests read the record
 * directly from the origin ({@code GET /_received?path=…}, not through the gateway), at {@code limits-test.origin}.
 */
public class RecordingOrigin implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/_received")) {
                List<JsonObject> seen = received.getOrDefault(request.getParam("path"), List.of());
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
                return;
            }
            JsonObject record = new JsonObject().put("method", request.method().name()).put("state", "started");
            received.computeIfAbsent(request.path(), p -> new CopyOnWriteArrayList<>()).add(record);
            request.body().onSuccess(body -> {
                record.put("state", "complete").put("bytes", body.length());
                request.response().putHeader("Content-Type", "application/json").putHeader("ETag", "\"3\"")
                        .putHeader("X-Content-Type-Options", "sniff-away").putHeader("Vary", "Accept")
                        .end(new JsonObject().put("method", request.method().name()).put("path", request.path())
                                .put("bytes", body.length()).encode());
            }).onFailure(e -> record.put("state", "broken"));
        });
        try {
            server = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the recording origin", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("gateway.actors-url", url, "gateway.events-url", url, "gateway.agreements-url", url,
                "limits-test.origin", url);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
