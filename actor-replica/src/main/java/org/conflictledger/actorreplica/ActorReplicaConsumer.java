package org.conflictledger.actorreplica;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.contracts.CloudEventSources;
import org.conflictledger.platform.messaging.AcceptedEvents;
import org.conflictledger.platform.messaging.CloudEventConsumer;
import org.conflictledger.platform.messaging.MessageParking;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the actor replica from {@code ledger.actors.v1} (setting {@code actor-replica.topic}):
 * each actor event is applied in its own transaction, offsets are committed after the batch, and
 * the updater skips what it has already applied.
 */
@ApplicationScoped
public class ActorReplicaConsumer {
    private static final Logger LOG = Logger.getLogger(ActorReplicaConsumer.class);

    private final CloudEventConsumer consumer;
    private final boolean enabled;

    ActorReplicaConsumer(ActorReplicaUpdater updater,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         @ConfigProperty(name = "actor-replica.topic") String topic,
                         @ConfigProperty(name = "ledger.service-name") String serviceName,
                         @ConfigProperty(name = "actor-replica.group-id") java.util.Optional<String> groupId,
                         @ConfigProperty(name = "actor-replica.enabled", defaultValue = "true") boolean enabled,
                         MessageParking parking) {
        this.enabled = enabled;
        this.consumer = new CloudEventConsumer("actor-replica", bootstrapServers, topic,
                groupId.orElse(serviceName + ".actor-replica"), new AcceptedEvents("ledger.actor.", CloudEventSources.ACTORS_SERVICE), updater::apply, parking);
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Actor replica consumer disabled");
            return;
        }
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        consumer.stop();
    }
}
