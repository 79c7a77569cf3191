package org.conflictledger.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where the services are and how long the gateway waits for them; each overridable by environment variable. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** actors-service, e.g. {@code http://localhost:8081} ({@code ACTORS_URL}). */
    URI actorsUrl();

    /** events-service ({@code EVENTS_URL}). */
    URI eventsUrl();

    /** agreements-service ({@code AGREEMENTS_URL}). */
    URI agreementsUrl();

    /** How long to wait for a connection to a service, pooled or new, before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent during a request before the gateway answers 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** How long a request to a service may take in all, until its answer has ended, before the gateway ends it. */
    @WithDefault("120s")
    Duration requestTotalTimeout();

    /** How long readiness waits for each service's own readiness. */
    @WithDefault("3s")
    Duration healthTimeout();

    /** The connections to each service. */
    Pool pool();

    interface Pool {
        /** Connections kept to each service at most. */
        @WithDefault("20")
        int maxSize();

        /** Requests that may wait for one of them; beyond that the gateway answers 503 at once. */
        @WithDefault("100")
        int maxWaitQueue();
    }
}
