package org.conflictledger.gateway.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.access.AccessControl;
import org.conflictledger.access.AccessDecision;
import org.conflictledger.access.Caller;
import org.conflictledger.gateway.routing.ServiceProblems;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks the bearer token of every API request before it is routed: a refusal is a 401 or 403 problem document
 * and never reaches a service; an allowed request goes on with its Authorization header, which the service checks
 * again. The live stream also takes the token as {@code ?access_token=}, since browsers' EventSource cannot send
 * headers.
 */
@ApplicationScoped
public class AccessHandler {
    /** Runs after the request limits (which refuse floods before any signature is checked) and before any route. */
    public static final int ORDER = -50;
    static final String STREAM_PATH = "/api/v1/stream";
    /** The routing context's entry for the verified caller, if the request carried a token. */
    private static final String CALLER = "ledger.caller";

    private final AccessControl access;

    AccessHandler(AccessControl access) {
        this.access = access;
    }

    void install(@Observes Router router) {
        // Every request, not only "/api/*": the decision itself says which paths need no token.
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        // The path as the router matched it (dot segments removed, "//" collapsed, unreserved escapes decoded):
        // deciding on the raw path would let "//api/v1/stream" reach the stream as a path outside the API.
        String path = context.normalizedPath();
        AccessDecision decision = access.decide(request.method().name(), path, authorization(request, path));
        if (decision instanceof AccessDecision.Denied denied) {
            refuse(context, denied);
        } else {
            Optional<Caller> caller = ((AccessDecision.Allowed) decision).caller();
            // The clock-skew allowance lets a single request through just after exp; a stream would last beyond it.
            if (STREAM_PATH.equals(path) && caller.isPresent() && !caller.get().validUntil().isAfter(Instant.now())) {
                refuse(context, AccessDecision.Denied.expired("The bearer token has expired; a stream needs one that"
                        + " is still valid"));
                return;
            }
            caller.ifPresent(c -> context.put(CALLER, c));
            context.next();
        }
    }

    /**
     * Until when the request's token may be used, for a response that lasts (the stream); empty when the request
     * carried no token or checks are off.
     */
    public static Optional<Instant> tokenValidUntil(RoutingContext context) {
        Caller caller = context.get(CALLER);
        return caller == null ? Optional.empty() : Optional.of(caller.validUntil());
    }

    /**
     * The request's credentials as an {@code Authorization} value: the header, or on the stream its
     * {@code access_token} parameter; null without either.
     */
    public static String authorization(HttpServerRequest request, String path) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && STREAM_PATH.equals(path)) {
            String token = request.getParam(QueryToken.PARAMETER);
            return token == null || token.isBlank() ? null : "Bearer " + token;
        }
        return header;
    }

    private static void refuse(RoutingContext context, AccessDecision.Denied denied) {
        var response = context.response().setStatusCode(denied.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ServiceProblems.MEDIA_TYPE);
        if (denied.challenge() != null) {
            response.putHeader("WWW-Authenticate", denied.challenge());
        }
        response.end(new JsonObject().put("type", denied.problemType()).put("title", denied.title())
                .put("status", denied.status()).put("detail", denied.detail())
                .put("instance", context.request().path()).toBuffer());
    }
}
