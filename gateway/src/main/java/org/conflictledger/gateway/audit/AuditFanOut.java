package org.conflictledger.gateway.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.gateway.routing.GatewayConfig;
import org.conflictledger.gateway.routing.Route;
import org.conflictledger.gateway.routing.ServiceRoutes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cross-record audit view: asks the services that keep the wanted record types for their changes
 * ({@code GET <prefix>/changes}), all at once, and merges them newest first by {@code recordedAt}; on equal times
 * actors come before conflict events before agreements, and one service's changes keep the service's order. When
 * one service runs out of fetched changes before the page is full, the gateway asks it for its next page, so a
 * change is only handed out once every service has shown what is newer. A service that cannot answer fails the
 * whole page: the audit view never silently leaves a service out.
 */
@ApplicationScoped
public class AuditFanOut {
    private static final Map<String, String> SERVICE_OF_TYPE = Map.of(
            "actor", "actors-service", "event", "events-service", "agreement", "agreements-service");

    private final ServiceRoutes routes;
    private final GatewayConfig config;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    AuditFanOut(ServiceRoutes routes, GatewayConfig config) {
        this.routes = routes;
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One merged page: its items (without the services' own cursors) and the cursor of the next page. */
    public record Result(List<JsonObject> items, String next) {
    }

    /**
     * One page of the audit view.
     *
     * @param headers the headers to pass to every service (Authorization, X-Correlation-Id)
     * @throws ServiceFailure when a service cannot give its part
     */
    public Result page(AuditQuery query, Map<String, String> headers) {
        Instant asOf = query.cursor() == null ? clock.instant() : query.cursor().asOf();
        Instant to = query.to() == null || query.to().isAfter(asOf) ? asOf : query.to();
        if (query.from() != null && !to.isAfter(query.from())) {
            return new Result(List.of(), null);
        }
        List<Lane> lanes = new ArrayList<>();
        for (String type : query.recordTypes()) {
            if (query.cursor() == null) {
                lanes.add(new Lane(type, route(type), null));
            } else if (query.cursor().after().containsKey(type)) {
                String position = query.cursor().after().get(type);
                lanes.add(new Lane(type, route(type), position.isEmpty() ? null : position));
            }
        }
        Map<Lane, CompletableFuture<Fetched>> first = new LinkedHashMap<>();
        lanes.forEach(lane -> first.put(lane, fetch(lane, lane.position, query, to, headers)));
        for (Map.Entry<Lane, CompletableFuture<Fetched>> fetch : first.entrySet()) {
            fetch.getKey().fill(await(fetch.getValue()));
        }

        List<JsonObject> items = new ArrayList<>();
        while (items.size() < query.limit()) {
            Lane newest = null;
            for (Lane lane : lanes) {
                while (lane.buffer.isEmpty() && lane.pageNext != null) {
                    lane.fill(await(fetch(lane, lane.pageNext, query, to, headers)));
                }
                if (!lane.buffer.isEmpty() && (newest == null || lane.headTime().isAfter(newest.headTime()))) {
                    newest = lane;
                }
            }
            if (newest == null) {
                break;
            }
            JsonObject item = newest.buffer.removeFirst();
            newest.position = item.getString("cursor");
            item.remove("cursor");
            items.add(item);
        }

        Map<String, String> after = new LinkedHashMap<>();
        for (Lane lane : lanes) {
            if (!lane.buffer.isEmpty()) {
                after.put(lane.type, lane.position == null ? "" : lane.position);
            } else if (lane.pageNext != null) {
                after.put(lane.type, lane.pageNext);
            }
        }
        return new Result(items, after.isEmpty() ? null : new AuditCursor(asOf, after).encode());
    }

    private Route route(String type) {
        String service = SERVICE_OF_TYPE.get(type);
        return routes.routes().stream().filter(route -> route.service().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No route to " + service));
    }

    /** One service's changes as the merge consumes them. */
    private static final class Lane {
        final String type;
        final Route route;
        /** The service's cursor after the last change taken from it; null for its newest. */
        String position;
        final Deque<JsonObject> buffer = new ArrayDeque<>();
        /** The next of the service's page last fetched; null when it has nothing older. */
        String pageNext;

        Lane(String type, Route route, String position) {
            this.type = type;
            this.route = route;
            this.position = position;
        }

        void fill(Fetched fetched) {
            buffer.addAll(fetched.items());
            pageNext = fetched.next();
        }

        Instant headTime() {
            return Instant.parse(buffer.getFirst().getString("recordedAt"));
        }
    }

    private record Fetched(List<JsonObject> items, String next) {
    }

    private CompletableFuture<Fetched> fetch(Lane lane, String cursor, AuditQuery query, Instant to,
                                             Map<String, String> headers) {
        StringBuilder uri = new StringBuilder(lane.route.origin().toString().replaceAll("/$", ""))
                .append(lane.route.prefix()).append("/changes?limit=").append(query.limit())
                .append("&to=").append(encode(to.toString()));
        if (query.from() != null) {
            uri.append("&from=").append(encode(query.from().toString()));
        }
        if (query.principal() != null) {
            uri.append("&principal=").append(encode(query.principal()));
        }
        if (cursor != null) {
            uri.append("&cursor=").append(encode(cursor));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(config.requestTimeout()).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        String service = lane.route.service();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw ServiceFailure.unanswered(service, failure);
                    }
                    return read(service, answer);
                });
    }

    private static Fetched read(String service, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 400 && status < 500) {
            throw new ServiceFailure(status, service, answer.body(), "answered " + status);
        }
        if (status != 200) {
            throw new ServiceFailure(502, service, null, "answered " + status);
        }
        try {
            JsonObject page = new JsonObject(answer.body());
            JsonArray array = page.getJsonArray("items");
            List<JsonObject> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonObject item = array.getJsonObject(i);
                Instant.parse(item.getString("recordedAt"));
                if (item.getString("cursor") == null) {
                    throw new IllegalArgumentException("an item without a cursor");
                }
                items.add(item);
            }
            return new Fetched(items, page.getString("next"));
        } catch (RuntimeException e) {
            throw new ServiceFailure(502, service, null, "answered a page the gateway cannot read: " + e);
        }
    }

    private static Fetched await(CompletableFuture<Fetched> fetch) {
        try {
            return fetch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ServiceFailure failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
