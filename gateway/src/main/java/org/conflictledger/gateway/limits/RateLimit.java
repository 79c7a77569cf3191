package org.conflictledger.gateway.limits;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.conflictledger.gateway.security.QueryToken;
import org.jboss.logging.Logger;

/**
 * A token bucket per client ({@link ClientKeys}) in front of everything the gateway serves except its health checks:
 * the API, the stream (each connection or reconnection is one request), {@code /openapi}, Swagger UI and the 404s.
 * Every counted answer carries {@code RateLimit-Limit} and {@code RateLimit-Remaining}; a client whose bucket is
 * empty gets a 429 problem document with {@code Retry-After} in whole seconds, and nothing reaches a service. CORS
 * preflights are answered before this and are not counted.
 */
@ApplicationScoped
public class RateLimit {
    /** After the security headers and CORS, before the body size limit, the token check and the proxy. */
    public static final int ORDER = -1000;
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    private static final Logger LOG = Logger.getLogger(RateLimit.class);

    private final LimitsConfig config;
    private TokenBuckets buckets;
    private ClientKeys keys;
    private Vertx vertx;
    private long sweeper = -1;

    RateLimit(LimitsConfig config) {
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        if (config.requestsPerSecond() <= 0) {
            LOG.info("Rate limit off (gateway.limits.requests-per-second is 0)");
            return;
        }
        this.vertx = vertx;
        buckets = new TokenBuckets(config.requestsPerSecond(), config.burst(), config.maxClients(), System::nanoTime);
        keys = new ClientKeys(config.trustForwarded());
        sweeper = vertx.setPeriodic(Math.max(1000, config.sweepInterval().toMillis()), id -> buckets.sweep());
        router.route().order(ORDER).handler(this::handle);
        LOG.infof("Rate limit: %s requests per second per client, bursts of %d, at most %d clients tracked%s",
                config.requestsPerSecond(), config.burst(), config.maxClients(),
                config.trustForwarded() ? ", clients by X-Forwarded-For" : "");
    }

    void close(@Observes ShutdownEvent event) {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }

    /** How many clients the limiter remembers now. */
    public int trackedClients() {
        return buckets == null ? 0 : buckets.clients();
    }

    private void handle(RoutingContext context) {
        if (exempt(context.request().path())) {
            context.next();
            return;
        }
        String client = keys.of(context.request());
        TokenBuckets.Decision decision = buckets.take(client);
        String limit = Integer.toString(buckets.burst());
        String remaining = Integer.toString(decision.remaining());
        // at the last moment, so that a service's answer cannot duplicate or drop them
        context.addHeadersEndHandler(v -> context.response().headers().set(LIMIT, limit).set(REMAINING, remaining));
        if (decision.allowed()) {
            context.next();
            return;
        }
        LOG.debugf("%s %s: rate limit of %s reached; 429, retry after %d s", context.request().method(),
                QueryToken.removedFrom(context.request().uri()), client.startsWith("addr:") ? client : "a token", decision.retryAfterSeconds());
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, ServiceProblems.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                .end(LimitProblems.rateLimited(buckets.burst(), buckets.perSecond(), decision.retryAfterSeconds(),
                        QueryToken.removedFrom(context.request().uri())).toBuffer());
    }

    /** Health checks are asked by orchestrators and monitors, whose polling must never be refused. */
    static boolean exempt(String path) {
        return path != null && (path.equals("/q/health") || path.startsWith("/q/health/"));
    }
}
