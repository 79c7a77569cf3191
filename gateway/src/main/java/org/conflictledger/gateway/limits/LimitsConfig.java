package org.conflictledger.gateway.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The gateway's request limits: how large a request body may be (413 beyond) and how many requests one client may
 * make (429 beyond); each overridable by environment variable.
 */
@ConfigMapping(prefix = "gateway.limits")
public interface LimitsConfig {

    /** The largest request body the gateway forwards ({@code GATEWAY_MAX_BODY_SIZE}, e.g. {@code 1M}). */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * The largest body of {@code POST /api/v1/events/import}, a CSV that events-service accepts up to 10 MB
     * ({@code GATEWAY_MAX_IMPORT_BODY_SIZE}).
     */
    @WithDefault("10M")
    MemorySize maxImportBodySize();

    /** Requests per second one client's bucket refills; 0 turns rate limiting off. */
    @WithDefault("50")
    double requestsPerSecond();

    /**
     * How many requests one client may make at once: the size of its bucket. 200 lets the seed import through the
     * gateway (about 190 requests from one address, without a token) pass in one burst however fast it runs.
     */
    @WithDefault("200")
    int burst();

    /** How many clients the gateway tracks at most; the one seen least recently is forgotten first. */
    @WithDefault("10000")
    int maxClients();

    /** How often buckets that have refilled completely (their clients went quiet) are forgotten. */
    @WithDefault("1m")
    Duration sweepInterval();

    /**
     * Whether a client without a bearer token is the last address in {@code X-Forwarded-For} rather than the
     * connection's address: only behind a proxy that sets that header.
     */
    @WithDefault("false")
    boolean trustForwarded();
}
