package org.conflictledger.gateway.release;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.conflictledger.gateway.routing.TestOrigins.listen;

/**
 * The three services as far as releases go, on loopback ports, keeping their parts in memory by the services'
 * contract: {@code PUT <prefix>/releases/{name}} answers 201 with a new part, 200 with the same part for the same
 * freezesAt and note, 409 release-exists for other values; {@code GET <prefix>/releases} lists them newest first;
 * {@code GET <prefix>/releases/{name}} answers the part or 404. {@code cutBy} is the subject of the bearer token the
 * gateway passed on. A test may {@link #stop} an origin (nothing listens at its port) and {@link #start} it again, or
 * make it answer 503 read-models-behind to a cut ({@link #NOT_READY}).
 */
public class ReleaseOrigins implements QuarkusTestResourceLifecycleManager {
    static final List<String> COLLECTIONS = List.of("actors", "events", "agreements");
    static final Map<String, Long> RECORDS = Map.of("actors", 412L, "events", 12034L, "agreements", 57L);
    /** Each collection's parts by name. */
    static final Map<String, Map<String, JsonObject>> PARTS = new ConcurrentHashMap<>();
    /** Each collection's PUT bodies by release name, as received. */
    static final Map<String, Map<String, JsonObject>> RECEIVED = new ConcurrentHashMap<>();
    /** The collections whose service answers a cut with 503 read-models-behind. */
    static final Set<String> NOT_READY = ConcurrentHashMap.newKeySet();

    private static Vertx vertx;
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (String collection : COLLECTIONS) {
            PARTS.put(collection, new ConcurrentHashMap<>());
            RECEIVED.put(collection, new ConcurrentHashMap<>());
            HttpServer server = listen(vertx.createHttpServer().requestHandler(handler(collection)));
            SERVERS.put(collection, server);
            PORTS.put(collection, server.actualPort());
        }
        return Map.of(
                "gateway.actors-url", "http://127.0.0.1:" + PORTS.get("actors"),
                "gateway.events-url", "http://127.0.0.1:" + PORTS.get("events"),
                "gateway.agreements-url", "http://127.0.0.1:" + PORTS.get("agreements"),
                "gateway.request-timeout", "5s",
                "gateway.releases.cut-timeout", "10s");
    }

    /** Stops the collection's service: nothing listens at its port until {@link #start(String)}. */
    static void stop(String collection) throws Exception {
        SERVERS.remove(collection).close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts the collection's service again, at the same port, with the parts it kept. */
    static void start(String collection) throws Exception {
        if (!SERVERS.containsKey(collection)) {
            SERVERS.put(collection, vertx.createHttpServer().requestHandler(handler(collection))
                    .listen(PORTS.get(collection), "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        }
    }

    /** A part as the collection's service would keep it, cut by {@code cutBy} now. */
    static JsonObject part(String collection, String name, Instant freezesAt, String note, String cutBy) {
        return new JsonObject().put("name", name).put("collection", collection).put("freezesAt", freezesAt.toString())
                .put("note", note).put("cutBy", cutBy)
                .put("cutAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString())
                .put("contentHash", contentHash(collection, name, freezesAt))
                .put("records", RECORDS.get(collection))
                .put("export", "/api/v1/" + collection + "/exports/canonical?release=" + name);
    }

    /** The hash the stand-in gives a collection's export as of an instant. */
    static String contentHash(String collection, String name, Instant freezesAt) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((collection + "|" + name + "|" + freezesAt).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Handler<HttpServerRequest> handler(String collection) {
        String prefix = "/api/v1/" + collection + "/releases";
        return request -> request.body().onSuccess(body -> {
            Map<String, JsonObject> parts = PARTS.get(collection);
            String path = request.path();
            if (path.equals(prefix) && request.method().name().equals("GET")) {
                JsonArray items = new JsonArray();
                parts.values().stream().sorted(Comparator.comparing((JsonObject part) -> part.getString("freezesAt"))
                        .reversed()).forEach(items::add);
                json(request, 200, new JsonObject().put("items", items));
                return;
            }
            if (!path.startsWith(prefix + "/")) {
                problem(request, 404, "not-found", "nothing here");
                return;
            }
            String name = path.substring(prefix.length() + 1);
            switch (request.method().name()) {
                case "GET" -> {
                    JsonObject part = parts.get(name);
                    if (part == null) {
                        problem(request, 404, "not-found", "No release named " + name);
                    } else {
                        json(request, 200, part);
                    }
                }
                case "PUT" -> {
                    JsonObject given = new JsonObject(body);
                    RECEIVED.get(collection).put(name, given);
                    if (NOT_READY.contains(collection)) {
                        request.response().putHeader("Retry-After", "7");
                        problem(request, 503, "read-models-behind", "The read model is catching up");
                        return;
                    }
                    Instant freezesAt = Instant.parse(given.getString("freezesAt"));
                    String note = given.getString("note");
                    synchronized (parts) {
                        JsonObject existing = parts.get(name);
                        if (existing == null) {
                            JsonObject part = part(collection, name, freezesAt, note, subject(request));
                            parts.put(name, part);
                            json(request, 201, part);
                        } else if (Instant.parse(existing.getString("freezesAt")).equals(freezesAt)
                                && existing.getString("note").equals(note)) {
                            json(request, 200, existing);
                        } else {
                            problem(request, 409, "release-exists", "A release named " + name
                                    + " exists with another freezesAt or note");
                        }
                    }
                }
                default -> problem(request, 405, "method-not-allowed", "no");
            }
        });
    }

    /** The subject of the request's bearer token (not checked: the gateway has). */
    private static String subject(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "anonymous";
        }
        String[] token = authorization.substring("Bearer ".length()).split("\\.");
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token[1]), StandardCharsets.UTF_8))
                .getString("sub", "anonymous");
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(HttpServerRequest request, int status, String kind, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "urn:conflict-ledger:problem:" + kind).put("status", status)
                        .put("detail", detail).put("instance", request.path()).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
            vertx = null;
        }
        SERVERS.clear();
    }
}
