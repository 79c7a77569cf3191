package org.conflictledger.agreements.messaging;

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

import java.util.Optional;

/**
 * Follows the conflict events on {@code ledger.events.v1} (setting {@code violations.topic}) and
 * hands each to the {@link ViolationEvidenceUpdater}, which records violations on the agreements
 * they name and withdraws them when the conflict event is retracted or corrected away.
 */
@ApplicationScoped
public class ViolationFollower {
    private static final Logger LOG = Logger.getLogger(ViolationFollower.class);

    private final CloudEventConsumer consumer;
    private final boolean enabled;

    ViolationFollower(ViolationEvidenceUpdater updater,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "violations.topic") String topic,
                      @ConfigProperty(name = "ledger.service-name") String serviceName,
                      @ConfigProperty(name = "violations.group-id") Optional<String> groupId,
                      @ConfigProperty(name = "violations.enabled", defaultValue = "true") boolean enabled,
                      MessageParking parking) {
        this.enabled = enabled;
        this.consumer = new CloudEventConsumer("violations", bootstrapServers, topic,
                groupId.orElse(serviceName + ".violations"), new AcceptedEvents("ledger.event.", CloudEventSources.EVENTS_SERVICE), updater::apply, parking);
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Violation follower disabled");
            return;
        }
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        consumer.stop();
    }
}
