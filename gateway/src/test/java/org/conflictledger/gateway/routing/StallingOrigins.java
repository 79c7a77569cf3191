package org.conflictledger.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.util.Map;

/**
 * One {@link StallingOrigin} behind each route, for the tests of clients that go away and of readiness through the
 * routes' pools. Small pools (8 connections, 64 waiting), long timeouts (so that only a released connection, not a
 * timeout, can explain a prompt answer afterwards), readiness waiting 1 s, no rate limit. The origins' own URLs are
 * at {@code stalling-origins.actors}, {@code .events} and {@code .agreements}.
 */
public class StallingOrigins implements QuarkusTestResourceLifecycleManager {
    public static final int POOL_SIZE = 8;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String actors = StallingOrigin.start(vertx).url();
        String events = StallingOrigin.start(vertx).url();
        String agreements = StallingOrigin.start(vertx).url();
        return Map.ofEntries(
                Map.entry("gateway.actors-url", actors),
                Map.entry("gateway.events-url", events),
                Map.entry("gateway.agreements-url", agreements),
                Map.entry("stalling-origins.actors", actors),
                Map.entry("stalling-origins.events", events),
                Map.entry("stalling-origins.agreements", agreements),
                Map.entry("gateway.pool.max-size", String.valueOf(POOL_SIZE)),
                Map.entry("gateway.pool.max-wait-queue", "64"),
                Map.entry("gateway.request-timeout", "30s"),
                Map.entry("gateway.request-total-timeout", "60s"),
                Map.entry("gateway.health-timeout", "1s"),
                Map.entry("gateway.limits.requests-per-second", "0"));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
