package org.conflictledger.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How every Kafka client of the suite authenticates to the broker: the Kafka client settings for SASL and TLS, read
 * from the service's configuration under {@code kafka.} (so {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, … in the
 * environment) and handed to each producer, consumer and admin client beside {@code bootstrap.servers}. None set: a
 * plaintext connection, as on the embedded broker.
 */
public final class BrokerSecurity {
    /** The client settings passed through, by their Kafka names. */
    public static final List<String> SETTINGS = List.of(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "sasl.client.callback.handler.class",
            "sasl.login.callback.handler.class",
            "sasl.kerberos.service.name",
            "ssl.protocol",
            "ssl.enabled.protocols",
            "ssl.endpoint.identification.algorithm",
            "ssl.truststore.type",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.truststore.certificates",
            "ssl.keystore.type",
            "ssl.keystore.location",
            "ssl.keystore.password",
            "ssl.keystore.certificate.chain",
            "ssl.keystore.key",
            "ssl.key.password");

    private BrokerSecurity() {
    }

    /**
     * The settings that are configured, by their Kafka names.
     *
     * @param config looks a configuration property up by its full name ({@code kafka.security.protocol}, …)
     */
    public static Map<String, String> settings(Function<String, Optional<String>> config) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            config.apply("kafka." + name).filter(value -> !value.isBlank()).ifPresent(value -> settings.put(name, value));
        }
        return settings;
    }
}
