package org.conflictledger.events.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.events.domain.ConflictEvent;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.ConflictEventRules;
import org.conflictledger.events.domain.CorrectConflictEvent;
import org.conflictledger.events.domain.ReportConflictEvent;
import org.conflictledger.events.domain.RetractConflictEvent;
import org.conflictledger.platform.axon.AxonCustomizer;
import org.conflictledger.platform.axon.RecordType;
import org.conflictledger.platform.domain.RuleViolation;

import java.util.List;
import java.util.UUID;

/**
 * Tells the platform which aggregate this service keeps, and holds each event's external ids as it is reported or
 * corrected (released as it is retracted), in the transaction of the command: when the event refuses the command,
 * the claim is rolled back with it.
 */
@ApplicationScoped
public class EventsWriteConfiguration implements AxonCustomizer {
    /** Conflict events: published as {@code ledger.event.<what>.v1}. */
    public static final RecordType RECORD = new RecordType("event", ConflictEvent.class, "ConflictEvent");

    private final ConflictEventExternalIds externalIds;

    EventsWriteConfiguration(ConflictEventExternalIds externalIds) {
        this.externalIds = externalIds;
    }

    @Produces
    @Singleton
    RecordType conflictEventRecord() {
        return RECORD;
    }

    @Override
    public void customize(Configurer configurer) {
        MessageHandlerInterceptor<CommandMessage<?>> holdExternalIds = (unitOfWork, chain) -> {
            Object command = unitOfWork.getMessage().getPayload();
            if (command instanceof ReportConflictEvent report && report.eventId() != null) {
                externalIds.claimAll(report.eventId(), held(report.details(), report.eventId()));
            } else if (command instanceof CorrectConflictEvent correct && correct.eventId() != null) {
                externalIds.hold(correct.eventId(), held(correct.details(), correct.eventId()));
            } else if (command instanceof RetractConflictEvent retract && retract.eventId() != null) {
                externalIds.releaseAll(retract.eventId());
            }
            return chain.proceed();
        };
        configurer.onInitialize(config -> config.onStart(
                () -> config.commandBus().registerHandlerInterceptor(holdExternalIds)));
    }

    /** The ids details give an event, as the event will normalise them; none when it will refuse the details. */
    private static List<ExternalId> held(ConflictEventDetails details, UUID eventId) {
        if (details == null || details.acledEventId() == null && details.ucdpGedId() == null
                && details.externalIds().isEmpty()) {
            return List.of(); // most events: no need to normalise the details twice
        }
        try {
            return ConflictEventRules.externalIds(ConflictEventRules.details(details, eventId));
        } catch (RuleViolation refused) {
            return List.of();
        }
    }
}
