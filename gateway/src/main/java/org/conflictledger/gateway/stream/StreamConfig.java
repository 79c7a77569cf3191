package org.conflictledger.gateway.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live stream's limits; each overridable by environment variable ({@code GATEWAY_STREAM_RETENTION} …). */
@ConfigMapping(prefix = "gateway.stream")
public interface StreamConfig {

    /** How many of the latest events the gateway keeps for clients that resume with {@code Last-Event-ID}. */
    @WithDefault("10000")
    int retention();

    /** How often an idle stream gets a {@code : heartbeat} comment. */
    @WithDefault("15s")
    Duration heartbeat();

    /** How many events may wait for one client; a client that falls further behind is dropped. */
    @WithDefault("1000")
    int clientBuffer();
}
