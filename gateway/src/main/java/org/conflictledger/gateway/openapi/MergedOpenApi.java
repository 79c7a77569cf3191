package org.conflictledger.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.gateway.routing.Route;
import org.conflictledger.gateway.routing.ServiceRoutes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Fetches the services' OpenAPI documents live, merges them with {@link OpenApiMerger} and keeps the result for
 * {@code gateway.openapi.cache-ttl}. A service that does not answer is left out and named under
 * {@value OpenApiMerger#UNAVAILABLE}; when none answers the result is empty.
 */
@ApplicationScoped
public class MergedOpenApi {
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private final ServiceRoutes routes;
    private final GatewayOwnOpenApi own;
    private final OpenApiConfig config;
    private final ObjectMapper mapper;
    private final String version;
    private final HttpClient client;
    private final Clock clock = Clock.systemUTC();
    private Cached cached;

    MergedOpenApi(ServiceRoutes routes, GatewayOwnOpenApi own, OpenApiConfig config, ObjectMapper mapper,
                  @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.routes = routes;
        this.own = own;
        this.config = config;
        this.mapper = mapper;
        this.version = version;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Cached(Instant until, CompletableFuture<Optional<ObjectNode>> document) {
    }

    /** The merged document, or empty when no service answered. */
    public synchronized CompletionStage<Optional<ObjectNode>> document() {
        Instant now = clock.instant();
        if (cached == null || (cached.document().isDone() && now.isAfter(cached.until()))) {
            cached = new Cached(now.plus(config.cacheTtl()), gather());
        }
        return cached.document();
    }

    private CompletableFuture<Optional<ObjectNode>> gather() {
        Map<String, CompletableFuture<JsonNode>> fetches = new LinkedHashMap<>();
        for (Route route : routes.routes()) {
            fetches.put(route.service().replaceFirst("-service$", ""), fetch(route));
        }
        return CompletableFuture.allOf(fetches.values().toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> {
                    Map<String, JsonNode> documents = new LinkedHashMap<>();
                    List<String> unavailable = new ArrayList<>();
                    fetches.forEach((service, fetch) -> {
                        JsonNode document = fetch.getNow(null);
                        if (document == null) {
                            unavailable.add(service);
                        } else {
                            documents.put(service, document);
                        }
                    });
                    if (documents.isEmpty()) {
                        return Optional.<ObjectNode>empty();
                    }
                    // The gateway's own endpoints (the audit view, the releases, the stream) join the services' when any answered.
                    own.document().ifPresent(document -> documents.put(OpenApiMerger.GATEWAY, document));
                    try {
                        return Optional.of(OpenApiMerger.merge(documents, unavailable, version));
                    } catch (RuntimeException e) {
                        LOG.errorf("The services' OpenAPI documents cannot be merged: %s", e.getMessage());
                        throw e;
                    }
                });
    }

    /** One service's document, or null (never a failed future) when it cannot be had. */
    private CompletableFuture<JsonNode> fetch(Route route) {
        URI uri = route.origin().resolve(config.servicePath() + "?format=json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.fetchTimeout())
                .header("Accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    try {
                        JsonNode document = mapper.readTree(response.body());
                        if (!document.isObject() || !document.path("openapi").asText("").startsWith("3.")) {
                            throw new IllegalStateException("answered something that is not an OpenAPI 3 document");
                        }
                        return document;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("answered something that is not JSON", e);
                    }
                })
                .exceptionally(failure -> {
                    LOG.warnf("OpenAPI document of %s at %s cannot be had (%s); merging without it", route.service(),
                            uri, failure.getCause() != null ? failure.getCause().toString() : failure.toString());
                    return null;
                });
    }
}
