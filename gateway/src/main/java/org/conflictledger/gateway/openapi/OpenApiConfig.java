package org.conflictledger.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the gateway gathers the services' OpenAPI documents for its merged one at {@code /openapi}. */
@ConfigMapping(prefix = "gateway.openapi")
public interface OpenApiConfig {

    /** How long to wait for one service's document ({@code GATEWAY_OPENAPI_FETCH_TIMEOUT}). */
    @WithDefault("3s")
    Duration fetchTimeout();

    /** How long a merged document is served before the services are asked again ({@code GATEWAY_OPENAPI_CACHE_TTL}). */
    @WithDefault("10s")
    Duration cacheTtl();

    /** The path where each service serves its own document. */
    @WithDefault("/openapi")
    String servicePath();
}
