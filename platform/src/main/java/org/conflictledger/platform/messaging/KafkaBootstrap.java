package org.conflictledger.platform.messaging;

import org.conflictledger.contracts.BrokerSecurity;
import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Properties;

/** Where the service's Kafka clients find the broker, and how they authenticate to it. */
public final class KafkaBootstrap {
    private KafkaBootstrap() {
    }

    /** {@code ledger.outbox.bootstrap-servers}, else {@code kafka.bootstrap.servers}, else {@code localhost:9092}. */
    public static String servers(LedgerConfig config) {
        return config.outbox().bootstrapServers().orElseGet(() -> ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
    }

    /** A client's first properties: {@code bootstrap.servers} and the {@link BrokerSecurity} settings configured. */
    public static Properties client(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(BrokerSecurity.settings(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class)));
        return props;
    }
}
