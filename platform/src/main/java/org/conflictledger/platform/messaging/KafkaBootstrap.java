package org.conflictledger.platform.messaging;

import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/** Where the service's producers find the broker. */
public final class KafkaBootstrap {
    private KafkaBootstrap() {
    }

    /** {@code ledger.outbox.bootstrap-servers}, else {@code kafka.bootstrap.servers}, else {@code localhost:9092}. */
    public static String servers(LedgerConfig config) {
        return config.outbox().bootstrapServers().orElseGet(() -> ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
    }
}
