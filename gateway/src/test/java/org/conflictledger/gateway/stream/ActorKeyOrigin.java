package org.conflictledger.gateway.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.conflictledger.gateway.routing.TestOrigins;

import java.util.Map;
import java.util.UUID;

/** Stands in for actors-service as far as the stream needs it: the actor TUR by its key; any other key is unknown. */
public class ActorKeyOrigin implements QuarkusTestResourceLifecycleManager {
    static final UUID TUR = UUID.fromString("0f5c1e2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b");
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = TestOrigins.listen(vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/api/v1/actors/TUR")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", TUR.toString()).put("key", "TUR").encode());
            } else {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\": 404}");
            }
        }));
        return Map.of("gateway.actors-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
