package org.conflictledger.events.domain;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conflictledger.events.domain.ConflictEventRules.EVENT_ID_MISSING;
import static org.conflictledger.events.domain.ConflictEventRules.EVENT_RETRACTED;

import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.conflictledger.platform.domain.RuleViolation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A conflict event of the record (a battle, an airstrike, a ceasefire declared or violated …): its
 * details and where it stands in its lifecycle.
 *
 * <p>Command handlers check the rules (see {@link ConflictEventRules}) and apply events;
 * event-sourcing handlers only assign state. A conflict event is never deleted: once retracted it
 * accepts no further change. Its state is plain fields of JSON-friendly types, so a snapshot is its
 * Jackson serialisation.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class ConflictEvent {

    @AggregateIdentifier
    private UUID eventId;
    private ConflictEventDetails details;
    private ConflictEventStatus status;

    /** For Axon and Jackson. */
    protected ConflictEvent() {
    }

    @CommandHandler
    public ConflictEvent(ReportConflictEvent command) {
        if (command.eventId() == null) {
            throw new RuleViolation(EVENT_ID_MISSING, "A conflict event needs an id.");
        }
        ConflictEventDetails details = ConflictEventRules.details(command.details(), command.eventId());
        apply(new ConflictEventReported(command.eventId(), details));
    }

    @CommandHandler
    public void handle(CorrectConflictEvent command) {
        requireNotRetracted();
        ConflictEventDetails corrected = ConflictEventRules.details(command.details(), eventId);
        if (corrected.equals(details)) {
            return;
        }
        List<String> changedFields = ConflictEventRules.changedFields(details, corrected);
        apply(new ConflictEventCorrected(eventId, corrected, changedFields));
    }

    @CommandHandler
    public void handle(ConfirmConflictEvent command) {
        requireNotRetracted();
        if (status == ConflictEventStatus.CONFIRMED) {
            return;
        }
        apply(new ConflictEventConfirmed(eventId));
    }

    @CommandHandler
    public void handle(DisputeConflictEvent command) {
        requireNotRetracted();
        if (status == ConflictEventStatus.DISPUTED) {
            return;
        }
        apply(new ConflictEventDisputed(eventId));
    }

    @CommandHandler
    public void handle(RetractConflictEvent command) {
        requireNotRetracted();
        apply(new ConflictEventRetracted(eventId));
    }

    private void requireNotRetracted() {
        if (status == ConflictEventStatus.RETRACTED) {
            throw new RuleViolation(EVENT_RETRACTED,
                    "Conflict event " + eventId + " was retracted and accepts no change.");
        }
    }

    @EventSourcingHandler
    void on(ConflictEventReported event) {
        eventId = event.eventId();
        details = event.details();
        status = ConflictEventStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(ConflictEventCorrected event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ConflictEventConfirmed event) {
        status = ConflictEventStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(ConflictEventDisputed event) {
        status = ConflictEventStatus.DISPUTED;
    }

    @EventSourcingHandler
    void on(ConflictEventRetracted event) {
        status = ConflictEventStatus.RETRACTED;
    }
}
