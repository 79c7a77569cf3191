package org.conflictledger.gateway.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.conflictledger.gateway.broker.BrokerClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The gateway is ready when the Kafka broker its streams read from answers. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    private static final int TIMEOUT_MILLIS = 5000;

    private final String bootstrapServers;
    private Admin admin;

    BrokerReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS)).nodes()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").status(nodes > 0).withData("brokers", nodes)
                    .withData("bootstrapServers", bootstrapServers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.toString());
        }
    }

    private HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("kafka").down().withData("bootstrapServers", bootstrapServers)
                .withData("error", why).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = BrokerClients.properties(bootstrapServers);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
            admin = Admin.create(props);
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }
}
