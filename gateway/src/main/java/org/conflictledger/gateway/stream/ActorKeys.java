package org.conflictledger.gateway.stream;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.gateway.routing.FieldError;
import org.conflictledger.gateway.routing.GatewayConfig;
import org.conflictledger.gateway.routing.ServiceProblems;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves an actor key in the stream's {@code actor} filter (TUR, OSCE-MINSK) to the actor's id, by asking
 * actors-service with the client's own token, since the stream's events name actors by id.
 */
@ApplicationScoped
class ActorKeys {
    private final GatewayConfig config;
    private final HttpClient client;

    ActorKeys(GatewayConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What a key resolved to: the id, or the status and problem to answer the client with. */
    record Resolution(String id, int status, JsonObject problem) {
    }

    CompletableFuture<Resolution> resolve(String key, String authorization, String instance) {
        URI uri = config.actorsUrl().resolve("/api/v1/actors/" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> switch (response.statusCode()) {
                    case 200 -> {
                        String id = new JsonObject(response.body()).getString("id");
                        yield id != null ? new Resolution(id, 200, null)
                                : new Resolution(null, 502, ServiceProblems.problem(502, "actors-service", instance));
                    }
                    case 404 -> new Resolution(null, 400, unknown(key, instance));
                    default -> new Resolution(null, response.statusCode(), response.body().isBlank()
                            ? ServiceProblems.problem(502, "actors-service", instance) : new JsonObject(response.body()));
                })
                .exceptionally(failure -> {
                    int status = ServiceProblems.status(failure);
                    return new Resolution(null, status, ServiceProblems.problem(status, "actors-service", instance));
                });
    }

    private static JsonObject unknown(String key, String instance) {
        return ServiceProblems.invalid(StreamFilter.NOT_UNDERSTOOD, instance, StreamFilter.json(
                List.of(new FieldError("actor", "no actor has the key " + key))));
    }
}
