package org.conflictledger.events.query;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.conflictledger.events.domain.ConflictEventConfirmed;
import org.conflictledger.events.domain.ConflictEventCorrected;
import org.conflictledger.events.domain.ConflictEventDisputed;
import org.conflictledger.events.domain.ConflictEventReported;
import org.conflictledger.events.domain.ConflictEventRetracted;
import org.conflictledger.platform.axon.Projection;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the conflict event read model from the conflict events: each event's current state ({@link ConflictEventView})
 * and the states later events replaced ({@link ConflictEventVersion}).
 */
@Singleton
@Unremovable
public class ConflictEventProjection implements Projection {
    public static final String PROCESSOR = "conflict-event-read-model";

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @EventHandler
    void on(ConflictEventReported event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        // A replay starts from an emptied table: the redelivery check would be one query per record for nothing.
        if (!replay.isReplay() && ConflictEventView.findById(event.eventId()) != null) {
            return;
        }
        ConflictEventView view = new ConflictEventView();
        view.apply(event, sequence, at);
        view.persist();
    }

    @EventHandler
    void on(ConflictEventCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.eventId(), event, sequence, at);
    }

    @EventHandler
    void on(ConflictEventConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.eventId(), event, sequence, at);
    }

    @EventHandler
    void on(ConflictEventDisputed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.eventId(), event, sequence, at);
    }

    @EventHandler
    void on(ConflictEventRetracted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.eventId(), event, sequence, at);
    }

    @ResetHandler
    void reset() {
        // Plain SQL: Panache's deleteAll() is an HQL bulk delete that first deletes the element collection again.
        var entities = ConflictEventView.getEntityManager();
        entities.createNativeQuery("DELETE FROM conflict_event_version_external_id").executeUpdate();
        entities.createNativeQuery("DELETE FROM conflict_event_version_actor").executeUpdate();
        entities.createNativeQuery("DELETE FROM conflict_event_version").executeUpdate();
        entities.createNativeQuery("DELETE FROM conflict_event_external_id").executeUpdate();
        entities.createNativeQuery("DELETE FROM conflict_event_actor").executeUpdate();
        entities.createNativeQuery("DELETE FROM conflict_event_view").executeUpdate();
        // The replay that follows keeps every replaced state, whatever the store's first version did.
        entities.createNativeQuery("UPDATE conflict_event_history SET complete = TRUE").executeUpdate();
    }

    /**
     * Keeps a replaced state once: a view whose version was set back (by hand, or restored from an older backup) would
     * otherwise replace the same version twice, and the duplicate row would stop the projection.
     */
    private static void keep(ConflictEventVersion replaced) {
        if (ConflictEventVersion.findById(replaced.rowId) == null) {
            replaced.persist();
        }
    }

    private static void update(UUID eventId, Object event, long sequence, Instant at) {
        ConflictEventView view = ConflictEventView.findById(eventId);
        // Events are handled in order, so an event already reflected is a redelivery.
        if (view != null && view.version <= sequence) {
            keep(ConflictEventVersion.replaced(view, at));
            view.apply(event, sequence, at);
        }
    }
}
