package org.conflictledger.gateway.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.contracts.ExportHeaders;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.conflictledger.gateway.security.QueryToken;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CORS for browser dashboards on other origins ({@code gateway.cors.origins}). An origin listed by name may call
 * every operation; {@code *} lets every other origin read ({@code GET}, {@code HEAD}) only. No origins configured:
 * no CORS headers at all, and every preflight is refused.
 *
 * <p>The gateway answers every preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) itself, before the rate limit and the token check (a preflight carries no
 * token), and never passes one to a service: 204 with the CORS headers, or a 403 problem document without them. An
 * actual request from an allowed origin gets {@code Access-Control-Allow-Origin} and
 * {@code Access-Control-Expose-Headers}; one from another origin is served without CORS headers, so the browser
 * keeps the answer from the page. No credentials mode: tokens travel in {@code Authorization}, not in cookies.
 *
 * <p>Quarkus's own {@code quarkus.http.cors} would also cover the proxied routes (it is a route filter), but it
 * answers a disallowed origin with an empty 403 on every request, has no read-only wildcard and runs at an order of
 * its own; hence this handler.
 */
@ApplicationScoped
public class Cors {
    /** After the security headers, before the rate limit, the body size limit, the token check and the proxy. */
    public static final int ORDER = -1100;
    static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
            "X-Correlation-Id", "Last-Event-ID");
    static final List<String> EXPOSED_HEADERS = Stream.concat(Stream.of("ETag", "Location", "Link", "X-Correlation-Id",
            "RateLimit-Limit", "RateLimit-Remaining", "Retry-After"), ExportHeaders.ALL.stream()).toList();
    private static final Set<HttpMethod> ALL_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String ALL_METHODS_VALUE = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String READ_METHODS_VALUE = "GET, HEAD";
    private static final Logger LOG = Logger.getLogger(Cors.class);

    private enum Grant { ALL, READ, NONE }

    private final Set<String> named;
    private final boolean anyMayRead;
    private final String maxAge;

    Cors(WebConfig.Cors config) {
        List<String> origins = config.origins().orElse(List.of()).stream().map(String::trim)
                .filter(o -> !o.isEmpty()).toList();
        this.anyMayRead = origins.contains("*");
        this.named = origins.stream().filter(o -> !o.equals("*")).map(Cors::normalize).collect(Collectors.toSet());
        this.maxAge = Long.toString(config.maxAge().toSeconds());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
        if (!named.isEmpty() || anyMayRead) {
            LOG.infof("CORS: %s may call every operation%s", named.isEmpty() ? "no origin" : String.join(", ", named),
                    anyMayRead ? "; any other origin may read" : "");
        }
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
            return;
        }
        Grant grant = named.contains(normalize(origin)) ? Grant.ALL : anyMayRead ? Grant.READ : Grant.NONE;
        String requestedMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
            preflight(context, origin, grant, requestedMethod);
            return;
        }
        if (!named.isEmpty() || anyMayRead) {
            boolean allowed = grant == Grant.ALL || grant == Grant.READ && READ_METHODS.contains(request.method());
            context.addHeadersEndHandler(v -> {
                MultiMap headers = context.response().headers();
                vary(headers, "Origin");
                if (allowed) {
                    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, grant == Grant.ALL ? origin : "*")
                            .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", EXPOSED_HEADERS));
                }
            });
        }
        context.next();
    }

    private void preflight(RoutingContext context, String origin, Grant grant, String requestedMethod) {
        HttpMethod method;
        try {
            method = HttpMethod.valueOf(requestedMethod.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            method = null;
        }
        MultiMap headers = context.response().headers()
                .set(HttpHeaders.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        boolean allowed = method != null && (grant == Grant.ALL && ALL_METHODS.contains(method)
                || grant == Grant.READ && READ_METHODS.contains(method));
        if (!allowed) {
            JsonObject problem = ServiceProblems.of("cors-rejected", "Cross-origin request not allowed", 403,
                    grant == Grant.NONE
                            ? "The origin " + origin + " may not call this API from a browser"
                            : "The origin " + origin + " may not send " + requestedMethod + " requests to this API",
                    QueryToken.removedFrom(context.request().uri()));
            context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, ServiceProblems.MEDIA_TYPE)
                    .end(problem.toBuffer());
            return;
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, grant == Grant.ALL ? origin : "*")
                .set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, grant == Grant.ALL ? ALL_METHODS_VALUE : READ_METHODS_VALUE)
                .set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", ALLOWED_HEADERS))
                .set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        context.response().setStatusCode(204).end();
    }

    private static void vary(MultiMap headers, String name) {
        for (String value : headers.getAll(HttpHeaders.VARY)) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(name)) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, name);
    }

    /** Origins compare without case and without a trailing slash. */
    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
