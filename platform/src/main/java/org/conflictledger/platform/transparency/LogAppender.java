package org.conflictledger.platform.transparency;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Appends every stored event to the service's transparency log, in its own streaming processor: the leaf and the
 * processor's token commit in one transaction, so each event gets exactly one leaf. The leaf is computed from the
 * row as the store holds it (not from the message), so that it covers the very columns later reads use. Like the
 * Kafka outbox, it must never be replayed: positions, once given, are what checkpoints sign.
 */
@Singleton
@Unremovable
public class LogAppender {
    public static final String PROCESSOR = "transparency-log";

    private final LogLeaves leaves;

    LogAppender(LogLeaves leaves) {
        this.leaves = leaves;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long globalIndex = token.position().orElseThrow(() ->
                new IllegalStateException("A tracked event without a position: " + message.getIdentifier()));
        StoredEvent event = leaves.storedEvent(globalIndex).orElseThrow(() ->
                new IllegalStateException("Event " + globalIndex + " was delivered but is not in the store"));
        leaves.appendUnlessLogged(event, event.logEntry().leafHashHex());
    }
}
