package org.conflictledger.actors.query;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.conflictledger.actors.domain.ActorAliasesChanged;
import org.conflictledger.actors.domain.ActorCountryCorrected;
import org.conflictledger.actors.domain.ActorExternalIdAdded;
import org.conflictledger.actors.domain.ActorExternalIdRemoved;
import org.conflictledger.actors.domain.ActorKindCorrected;
import org.conflictledger.actors.domain.ActorMerged;
import org.conflictledger.actors.domain.ActorRegistered;
import org.conflictledger.actors.domain.ActorRenamed;
import org.conflictledger.actors.domain.ActorRetracted;
import org.conflictledger.actors.domain.RelationshipDeclared;
import org.conflictledger.actors.domain.RelationshipEnded;
import org.conflictledger.platform.axon.Projection;

import java.time.Instant;
import java.util.UUID;

/** Keeps the actor read model ({@link ActorView}, {@link RelationshipView}) from the actor events. */
@Singleton
@Unremovable
public class ActorProjection implements Projection {
    public static final String PROCESSOR = "actor-read-model";

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @EventHandler
    void on(ActorRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (ActorView.findById(event.actorId()) != null) {
            return;
        }
        ActorView view = new ActorView();
        view.apply(event, sequence, at);
        view.persist();
    }

    @EventHandler
    void on(ActorRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorAliasesChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorKindCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorCountryCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorExternalIdAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorExternalIdRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(RelationshipDeclared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(RelationshipEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorMerged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @EventHandler
    void on(ActorRetracted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.actorId(), event, sequence, at);
    }

    @ResetHandler
    void reset() {
        RelationshipView.deleteAll();
        ActorView.getEntityManager().createNativeQuery("DELETE FROM actor_view_alias").executeUpdate();
        ActorView.getEntityManager().createNativeQuery("DELETE FROM actor_view_external_id").executeUpdate();
        ActorView.deleteAll();
    }

    private static void update(UUID actorId, Object event, long sequence, Instant at) {
        ActorView view = ActorView.findById(actorId);
        // Events are handled in order, so an event already reflected is a redelivery.
        if (view != null && view.version <= sequence) {
            view.apply(event, sequence, at);
        }
    }
}
