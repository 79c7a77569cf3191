package org.conflictledger.gateway.release;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.audit.ServiceFailure;
import org.conflictledger.gateway.routing.GatewayConfig;
import org.conflictledger.gateway.routing.Route;
import org.conflictledger.gateway.routing.ServiceRoutes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Asks the three services for their parts of releases: {@code PUT <prefix>/releases/{name}} to cut one (actors-service
 * first, then the other two at once), {@code GET <prefix>/releases} and {@code GET <prefix>/releases/{name}} to read
 * them, all at once. A cut collects every
 * service's answer, whatever it is, so that the gateway can say which services hold the release; a read fails as a
 * whole with a {@link ServiceFailure} when one service cannot answer, as the audit view does.
 */
@ApplicationScoped
public class ReleaseFanOut {
    private static final Pattern CONTENT_HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    private final ServiceRoutes routes;
    private final GatewayConfig config;
    private final ReleaseConfig releases;
    private final HttpClient http;

    ReleaseFanOut(ServiceRoutes routes, GatewayConfig config, ReleaseConfig releases) {
        this.routes = routes;
        this.config = config;
        this.releases = releases;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A cut timeout that cannot work stops the gateway at start, naming the setting. */
    void check(@Observes StartupEvent event) {
        if (releases.cutTimeout().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("gateway.releases.cut-timeout (GATEWAY_RELEASES_CUT_TIMEOUT) is "
                    + releases.cutTimeout() + "; it must be at least 1s: a service hashes its whole collection to cut"
                    + " its part of a release");
        }
    }

    /** The services in the order they are listed and merged: actors, events, agreements. */
    public List<Route> services() {
        return routes.routes();
    }

    /** The collection a service keeps: the last segment of its prefix ({@code actors}, {@code events}, …). */
    public static String collection(Route route) {
        return route.prefix().substring(route.prefix().lastIndexOf('/') + 1);
    }

    /** How one service answered a cut. */
    public enum Outcome {
        /** 200 or 201: it holds the release as asked; {@code part} is its part. */
        HELD,
        /** A 4xx: it refused; {@code body} is its problem document. */
        REFUSED,
        /** No answer, a 5xx, or an answer the gateway cannot read: it may or may not hold the release. */
        FAILED,
        /** Not asked, as the first service does not hold the release; {@code why} says so. */
        NOT_ASKED
    }

    /**
     * One service's answer to a cut.
     *
     * @param status     the service's status (HELD, REFUSED), or the gateway's 502, 503 or 504 for it (FAILED)
     * @param body       the service's problem document, when it sent one
     * @param retryAfter the service's {@code Retry-After}, when it sent one
     * @param why        what went wrong, for a FAILED one
     */
    public record Answer(Route route, Outcome outcome, int status, JsonObject part, String body, String retryAfter,
                         String why) {
        public String service() {
            return route.service();
        }
    }

    /**
     * Every service's answer to {@code PUT …/releases/{name}}, in the order of {@link #services()}; never fails. The
     * first service (actors) is asked alone, and the others then with the instant and note of the part it holds: of
     * two cuts of one name that overlap, only the one the first service kept goes on, so that no two services keep
     * different instants under one name. When the first does not hold the release, the others are not asked.
     */
    public CompletableFuture<List<Answer>> cut(ReleaseCut cut, Map<String, String> headers) {
        List<Route> routes = services();
        Route first = routes.get(0);
        return put(first, cut, headers).thenCompose(firstAnswer -> {
            List<Route> rest = routes.subList(1, routes.size());
            if (firstAnswer.outcome() != Outcome.HELD) {
                List<Answer> answers = new ArrayList<>(List.of(firstAnswer));
                rest.forEach(route -> answers.add(new Answer(route, Outcome.NOT_ASKED, firstAnswer.status(), null, null,
                        null, "not asked, as " + first.service() + " does not hold the release")));
                return CompletableFuture.completedFuture(answers);
            }
            ReleaseCut held = new ReleaseCut(cut.name(), Instant.parse(firstAnswer.part().getString("freezesAt")),
                    firstAnswer.part().getString("note"));
            List<CompletableFuture<Answer>> answers = rest.stream().map(route -> put(route, held, headers)).toList();
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
                List<Answer> all = new ArrayList<>(List.of(firstAnswer));
                answers.forEach(answer -> all.add(answer.join()));
                return all;
            });
        });
    }

    private CompletableFuture<Answer> put(Route route, ReleaseCut cut, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(route, "/releases/" + encode(cut.name())))
                .timeout(releases.cutTimeout())
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(cut.servicesBody().encode(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((answer, failure) -> failure != null
                        ? new Answer(route, Outcome.FAILED, ServiceFailure.status(failure), null, null, null,
                        ServiceFailure.describe(failure))
                        : cutAnswer(route, cut.name(), answer));
    }

    /**
     * The parts of a release held by the services that answer, in the order of {@link #services()}; a service that
     * cannot answer is left out (never fails).
     */
    public CompletableFuture<List<JsonObject>> partsHeld(String name, Map<String, String> headers) {
        List<CompletableFuture<JsonObject>> parts = services().stream()
                .map(route -> partOf(route, name, headers).exceptionally(failure -> null)).toList();
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> parts.stream()
                .map(CompletableFuture::join).filter(java.util.Objects::nonNull).toList());
    }

    private static Answer cutAnswer(Route route, String name, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
        if (status == 200 || status == 201) {
            try {
                return new Answer(route, Outcome.HELD, status, part(answer.body(), name), null, null, null);
            } catch (RuntimeException e) {
                return new Answer(route, Outcome.FAILED, 502, null, null, null,
                        "answered " + status + " with a part the gateway cannot read: " + e.getMessage());
            }
        }
        if (status >= 400 && status < 500) {
            return new Answer(route, Outcome.REFUSED, status, null, answer.body(), retryAfter, "answered " + status);
        }
        // A service that is not ready (503, e.g. its read model is behind) stays a 503: the same request succeeds later.
        return new Answer(route, Outcome.FAILED, status == 503 ? 503 : 502, null, answer.body(), retryAfter,
                "answered " + status);
    }

    /** Every service's parts, by service in the order of {@link #services()}; fails with a {@link ServiceFailure}. */
    public CompletableFuture<Map<Route, List<JsonObject>>> list(Map<String, String> headers) {
        Map<Route, CompletableFuture<List<JsonObject>>> fetches = new LinkedHashMap<>();
        for (Route route : services()) {
            fetches.put(route, get(route, "/releases", headers).thenApply(answer -> {
                if (answer.statusCode() != 200) {
                    throw refusal(route, answer);
                }
                try {
                    JsonArray items = new JsonObject(answer.body()).getJsonArray("items");
                    List<JsonObject> parts = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        parts.add(valid(items.getJsonObject(i), null));
                    }
                    return parts;
                } catch (RuntimeException e) {
                    throw new ServiceFailure(502, route.service(), null,
                            "answered a list of releases the gateway cannot read: " + e);
                }
            }));
        }
        return all(fetches);
    }

    /**
     * Each service's part of one release, by service in the order of {@link #services()}, without the services that
     * do not hold it (that answer 404); fails with a {@link ServiceFailure}.
     */
    public CompletableFuture<Map<Route, JsonObject>> get(String name, Map<String, String> headers) {
        Map<Route, CompletableFuture<JsonObject>> fetches = new LinkedHashMap<>();
        for (Route route : services()) {
            fetches.put(route, partOf(route, name, headers));
        }
        return all(fetches).thenApply(parts -> {
            Map<Route, JsonObject> held = new LinkedHashMap<>();
            parts.forEach((route, part) -> {
                if (part != null) {
                    held.put(route, part);
                }
            });
            return held;
        });
    }

    private CompletableFuture<JsonObject> partOf(Route route, String name, Map<String, String> headers) {
        return get(route, "/releases/" + encode(name), headers).thenApply(answer -> {
            if (answer.statusCode() == 404) {
                return null;
            }
            if (answer.statusCode() != 200) {
                throw refusal(route, answer);
            }
            try {
                return part(answer.body(), name);
            } catch (RuntimeException e) {
                throw new ServiceFailure(502, route.service(), null, "answered a release the gateway cannot read: " + e);
            }
        });
    }

    private CompletableFuture<HttpResponse<String>> get(Route route, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(route, path)).timeout(config.requestTimeout())
                .header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .exceptionally(failure -> {
                    throw ServiceFailure.unanswered(route.service(), failure);
                });
    }

    /** A 4xx passed on with the service's problem document; anything else the gateway's 502. */
    private static ServiceFailure refusal(Route route, HttpResponse<String> answer) {
        int status = answer.statusCode();
        return status >= 400 && status < 500
                ? new ServiceFailure(status, route.service(), answer.body(), "answered " + status)
                : new ServiceFailure(502, route.service(), null, "answered " + status);
    }

    /** Waits for all, and fails with the first service's failure (in the order of the services) if any failed. */
    private static <T> CompletableFuture<Map<Route, T>> all(Map<Route, CompletableFuture<T>> fetches) {
        return CompletableFuture.allOf(fetches.values().toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> {
                    Map<Route, T> results = new LinkedHashMap<>();
                    for (Map.Entry<Route, CompletableFuture<T>> fetch : fetches.entrySet()) {
                        if (fetch.getValue().isCompletedExceptionally()) {
                            Throwable cause = fetch.getValue().handle((value, error) -> error).join();
                            while (cause.getCause() != null && !(cause instanceof ServiceFailure)) {
                                cause = cause.getCause();
                            }
                            throw cause instanceof ServiceFailure serviceFailure ? serviceFailure
                                    : new ServiceFailure(502, fetch.getKey().service(), null, cause.toString());
                        }
                        results.put(fetch.getKey(), fetch.getValue().join());
                    }
                    return results;
                });
    }

    private static JsonObject part(String body, String name) {
        return valid(new JsonObject(body), name);
    }

    /** A service's part, checked for what the merge reads; {@code name}, when given, must be its name. */
    private static JsonObject valid(JsonObject part, String name) {
        String partName = part.getString("name");
        if (partName == null || (name != null && !name.equals(partName))) {
            throw new IllegalArgumentException("name " + partName + " where " + name + " was asked for");
        }
        Instant.parse(part.getString("freezesAt"));
        Instant.parse(part.getString("cutAt"));
        if (part.getString("note") == null) {
            throw new IllegalArgumentException("no note");
        }
        String hash = part.getString("contentHash");
        if (hash == null || !CONTENT_HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("contentHash " + hash + " is not sha256:<64 hex>");
        }
        Long records = part.getLong("records");
        if (records == null || records < 0) {
            throw new IllegalArgumentException("records " + records);
        }
        return part;
    }

    private static URI uri(Route route, String path) {
        return URI.create(route.origin().toString().replaceAll("/$", "") + route.prefix() + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
