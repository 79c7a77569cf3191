package org.conflictledger.agreements.query;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.conflictledger.agreements.domain.AgreementRecorded;
import org.conflictledger.platform.axon.Projection;

/** Keeps the agreement read model ({@link AgreementView}) from the agreement's events. */
@Singleton
@Unremovable
public class AgreementProjection implements Projection {
    public static final String PROCESSOR = "agreement-read-model";

    @Override
    public String processorName() {
        return PROCESSOR;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        AgreementView view = AgreementView.findById(java.util.UUID.fromString(event.getAggregateIdentifier()));
        if (view == null) {
            if (!(payload instanceof AgreementRecorded)) {
                return;
            }
            view = new AgreementView();
            view.apply(payload, event.getSequenceNumber(), event.getTimestamp());
            view.persist();
            return;
        }
        // Events are handled in order, so an event already reflected is a redelivery.
        if (event.getSequenceNumber() >= view.version) {
            view.apply(payload, event.getSequenceNumber(), event.getTimestamp());
        }
    }

    @ResetHandler
    void reset() {
        AgreementView.getEntityManager().createNativeQuery("DELETE FROM agreement_external_id").executeUpdate();
        AgreementView.getEntityManager().createNativeQuery("DELETE FROM agreement_party").executeUpdate();
        AgreementView.deleteAll();
    }
}
