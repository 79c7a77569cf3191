package org.conflictledger.gateway.release;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the gateway cuts releases in the services ({@code gateway.releases}). */
@ConfigMapping(prefix = "gateway.releases")
public interface ReleaseConfig {

    /**
     * How long one service may take to cut its part of a release, which hashes its whole collection, before the
     * gateway answers 504 ({@code GATEWAY_RELEASES_CUT_TIMEOUT}). At least one second.
     */
    @WithDefault("5m")
    Duration cutTimeout();
}
