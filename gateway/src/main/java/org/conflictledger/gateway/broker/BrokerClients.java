package org.conflictledger.gateway.broker;

import org.conflictledger.contracts.BrokerSecurity;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Properties;

/** The first properties of the gateway's Kafka clients: where the broker is, and how to authenticate to it. */
public final class BrokerClients {
    private BrokerClients() {
    }

    public static Properties properties(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(BrokerSecurity.settings(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class)));
        return props;
    }
}
