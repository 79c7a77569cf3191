package org.conflictledger.gateway.audit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.conflictledger.gateway.routing.TestOrigins.freePort;
import static org.conflictledger.gateway.routing.TestOrigins.listen;

/**
 * Stand-ins for the services' {@code GET …/changes} on loopback ports, with real paging: actors-service with seven
 * changes, agreements-service with six that answers at most two per page (as a service does when a sparse filter
 * made it read its maximum), and events-service down (nothing listens at its port). Each origin filters by
 * principal, from and to as the services do, and shows the last request it received at {@code GET /last}.
 */
public class AuditOrigins implements QuarkusTestResourceLifecycleManager {
    static final String ANALYST = "analyst@example.org";
    static final String CLERK = "clerk@example.org";

    /** Newest first, as the services list them. */
    static final List<String[]> ACTORS = List.of(
            new String[]{"a7", "2026-11-25T10:09:00Z"}, new String[]{"a6", "2026-11-25T10:07:00Z"},
            new String[]{"a5", "2026-11-25T10:05:00Z"}, new String[]{"a4", "2026-11-25T10:03:00Z"},
            new String[]{"a3", "2026-11-25T10:02:00Z"}, new String[]{"a2", "2026-11-25T10:01:00Z"},
            new String[]{"a1", "2026-11-25T10:00:00Z"});
    static final List<String[]> AGREEMENTS = List.of(
            new String[]{"g6", "2026-11-25T10:08:00Z"}, new String[]{"g5", "2026-11-25T10:05:00Z"},
            new String[]{"g4", "2026-11-25T10:04:00Z"}, new String[]{"g3", "2026-11-25T10:03:00Z"},
            new String[]{"g2", "2026-11-25T09:59:00Z"}, new String[]{"g1", "2026-11-25T09:58:00Z"});

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer actors = listen(origin("actor", "/api/v1/actors/changes", ACTORS, Integer.MAX_VALUE));
        HttpServer agreements = listen(origin("agreement", "/api/v1/agreements/changes", AGREEMENTS, 2));
        return Map.of(
                "gateway.actors-url", "http://127.0.0.1:" + actors.actualPort(),
                "gateway.events-url", "http://127.0.0.1:" + freePort(),
                "gateway.agreements-url", "http://127.0.0.1:" + agreements.actualPort(),
                "gateway.request-timeout", "5s");
    }

    /** The principal of the n-th change (1-based): analysts make the odd ones. */
    static String principalOf(String id) {
        return Integer.parseInt(id.substring(1)) % 2 == 1 ? ANALYST : CLERK;
    }

    private HttpServer origin(String recordType, String path, List<String[]> changes, int pageCap) {
        JsonObject[] last = {new JsonObject()};
        return vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/last")) {
                request.response().putHeader("Content-Type", "application/json").end(last[0].encode());
                return;
            }
            JsonObject received = new JsonObject().put("path", request.path()).put("query", request.query());
            request.headers().forEach(h -> received.put("header:" + h.getKey().toLowerCase(), h.getValue()));
            last[0] = received;
            if (!request.path().equals(path)) {
                request.response().setStatusCode(404).end();
                return;
            }
            page(request, recordType, changes, pageCap);
        });
    }

    private static void page(HttpServerRequest request, String recordType, List<String[]> changes, int pageCap) {
        String principal = request.getParam("principal");
        String from = request.getParam("from");
        String to = request.getParam("to");
        String cursor = request.getParam("cursor");
        int limit = Math.min(Integer.parseInt(request.getParam("limit", "50")), pageCap);
        int start = 0;
        if (cursor != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "urn:conflict-ledger:problem:validation").put("status", 400)
                                .put("errors", new JsonArray().add(new JsonObject().put("field", "cursor"))).encode());
                return;
            }
        }
        List<JsonObject> items = new ArrayList<>();
        String next = null;
        for (int i = start; i < changes.size(); i++) {
            String id = changes.get(i)[0];
            Instant at = Instant.parse(changes.get(i)[1]);
            boolean matches = (principal == null || principal.equals(principalOf(id)))
                    && (from == null || !at.isBefore(Instant.parse(from)))
                    && (to == null || at.isBefore(Instant.parse(to)));
            if (!matches) {
                continue;
            }
            if (items.size() == limit) {
                next = items.get(items.size() - 1).getString("cursor");
                break;
            }
            items.add(new JsonObject().put("recordType", recordType).put("recordId", id).put("sequence", 0)
                    .put("version", 1).put("type", "ledger." + recordType + ".changed.v1").put("eventId", "e-" + id)
                    .put("recordedAt", changes.get(i)[1]).put("principal", principalOf(id))
                    .put("cursor", Base64.getUrlEncoder().encodeToString(Integer.toString(i + 1).getBytes(StandardCharsets.UTF_8))));
        }
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("items", new JsonArray(items)).put("next", next).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
