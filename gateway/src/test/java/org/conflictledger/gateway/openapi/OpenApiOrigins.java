package org.conflictledger.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The three services as far as {@code GET /openapi} goes: each serves its saved document (src/test/resources/openapi)
 * on a loopback port, unless the test has put it in {@link #DOWN}, where it drops the connection unanswered.
 */
public class OpenApiOrigins implements QuarkusTestResourceLifecycleManager {
    static final Set<String> DOWN = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : OpenApiMergerTest.SERVICES) {
            Buffer document = Buffer.buffer(read("/openapi/" + service + ".json"));
            HttpServer server = listen(vertx.createHttpServer().requestHandler(request -> {
                if (DOWN.contains(service)) {
                    request.connection().close();
                } else if (request.path().equals("/openapi")) {
                    request.response().putHeader("Content-Type", "application/json").end(document);
                } else {
                    request.response().setStatusCode(404).end();
                }
            }));
            config.put("gateway." + service + "-url", "http://127.0.0.1:" + server.actualPort());
        }
        config.put("gateway.openapi.cache-ttl", "0s");
        config.put("gateway.openapi.fetch-timeout", "2s");
        return config;
    }

    private static byte[] read(String resource) {
        try (InputStream in = OpenApiOrigins.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer listen(HttpServer server) {
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a test origin", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
