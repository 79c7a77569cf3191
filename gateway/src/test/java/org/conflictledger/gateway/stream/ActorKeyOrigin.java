package org.conflictledger.gateway.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.conflictledger.gateway.routing.TestOrigins;

import java.util.Map;
import java.util.UUID;

/**
 * Stands in for actors-service as far as the stream needs it: the actor TUR by its key; the actor GNA only for a
 * caller with a bearer token, as a service with token checks on; any other key is unknown.
 */
public class ActorKeyOrigin implements QuarkusTestResourceLifecycleManager {
    static final UUID TUR = UUID.fromString("0f5c1e2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b");
    static final UUID GNA = UUID.fromString("6a1f0c3e-2d4b-4c5a-9e8f-7b6a5c4d3e2f");
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = TestOrigins.listen(vertx.createHttpServer().requestHandler(request -> {
            String authorization = request.getHeader("Authorization");
            if (request.path().equals("/api/v1/actors/TUR")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", TUR.toString()).put("key", "TUR").encode());
            } else if (request.path().equals("/api/v1/actors/GNA") && authorization == null) {
                request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\": 401, \"detail\": \"This needs a bearer token\"}");
            } else if (request.path().equals("/api/v1/actors/GNA") && authorization.startsWith("Bearer ")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", GNA.toString()).put("key", "GNA").encode());
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
