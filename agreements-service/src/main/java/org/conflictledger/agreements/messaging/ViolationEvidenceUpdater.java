package org.conflictledger.agreements.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.conflictledger.agreements.domain.AgreementState;
import org.conflictledger.agreements.domain.RecordViolationEvidence;
import org.conflictledger.agreements.domain.TermReferences;
import org.conflictledger.agreements.domain.WithdrawViolationEvidence;
import org.conflictledger.agreements.query.AgreementQueries;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.agreements.query.ConflictEventDirectory;
import org.conflictledger.agreements.query.ConflictEventLink;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.platform.api.AuditContext;
import org.conflictledger.platform.api.Writes;
import org.conflictledger.platform.audit.AuditMetadata;
import org.conflictledger.platform.audit.AuditTrail;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one conflict event CloudEvent: remembers the conflict event, and when it is (or stops
 * being) a violation of an agreement, records (or withdraws) it as evidence on that agreement,
 * with the CloudEvent as the causation of the change.
 *
 * <p>The commands go first and the conflict event's link is stored after them: a failure in
 * between makes the consumer read the message again, and the commands are idempotent.
 */
@ApplicationScoped
public class ViolationEvidenceUpdater {
    /** The principal of changes this service makes on its own, following another service's events. */
    public static final String PRINCIPAL = "agreements-service";
    private static final Logger LOG = Logger.getLogger(ViolationEvidenceUpdater.class);

    private final ConflictEventDirectory conflictEvents;
    private final AuditTrail audit;
    private final Writes writes;

    ViolationEvidenceUpdater(ConflictEventDirectory conflictEvents, AuditTrail audit, Writes writes) {
        this.conflictEvents = conflictEvents;
        this.audit = audit;
        this.writes = writes;
    }

    public void apply(JsonNode cloudEvent) {
        String type = cloudEvent.path(CloudEventAttributes.TYPE).asText();
        UUID conflictEventId = UUID.fromString(cloudEvent.path(CloudEventAttributes.SUBJECT).asText());
        long sequence = cloudEvent.path(CloudEventAttributes.SEQUENCE).asLong();
        ConflictEventLink before = conflictEvents.byId(conflictEventId).orElse(null);
        if (before != null && sequence <= before.lastSequence) {
            return;
        }
        if (before == null && !ConflictEventTypes.REPORTED.equals(type)) {
            LOG.warnf("Conflict event %s (%s) was never seen reported; skipped", conflictEventId, type);
            return;
        }
        ConflictEventLink after = next(before, cloudEvent, conflictEventId, sequence);
        UUID wasOn = violatedAgreement(before);
        UUID isOn = violatedAgreement(after);
        if (wasOn != null && !wasOn.equals(isOn)) {
            send(new WithdrawViolationEvidence(wasOn, conflictEventId), cloudEvent,
                    "Conflict event " + conflictEventId + " no longer reports a violation of this agreement");
        }
        if (isOn != null) {
            record(isOn, after, cloudEvent);
        }
        conflictEvents.save(after);
    }

    private void record(UUID agreementId, ConflictEventLink link, JsonNode cloudEvent) {
        // From the event store, not the read model: a read model being rebuilt must not lose a violation.
        Optional<AgreementState> agreement = AgreementQueries.fold(audit.eventsUpTo(agreementId.toString(), Instant.MAX))
                .map(AgreementView::state);
        if (agreement.isEmpty()) {
            LOG.warnf("Conflict event %s reports a violation of agreement %s, which this record does not hold; not recorded",
                    link.conflictEventId, agreementId);
            return;
        }
        UUID termId = TermReferences.resolve(agreement.get(), link.termReference).orElse(null);
        if (link.termReference != null && termId == null) {
            LOG.warnf("Conflict event %s names term \"%s\", which agreement %s does not have; recorded on the agreement only",
                    link.conflictEventId, link.termReference, agreementId);
        }
        Instant occurredAt = link.date == null ? Instant.parse(cloudEvent.path(CloudEventAttributes.TIME).asText())
                : link.date.atStartOfDay(agreement.get().zone()).toInstant();
        send(new RecordViolationEvidence(agreementId, link.conflictEventId, termId, link.termReference, occurredAt),
                cloudEvent, "Violation reported in conflict event " + link.conflictEventId);
    }

    private void send(Object command, JsonNode cloudEvent, String reason) {
        String correlationId = cloudEvent.path(CloudEventAttributes.CORRELATION_ID)
                .asText(cloudEvent.path(CloudEventAttributes.ID).asText());
        AuditContext context = new AuditContext(PRINCIPAL, correlationId, reason, List.of());
        try {
            writes.send(command, context, Map.of(AuditMetadata.CAUSATION_ID, cloudEvent.path(CloudEventAttributes.ID).asText()));
        } catch (AggregateNotFoundException e) {
            LOG.warnf("%s: the agreement is not in the record; skipped", command);
        }
    }

    /** The link as this CloudEvent leaves it. */
    private static ConflictEventLink next(ConflictEventLink before, JsonNode cloudEvent, UUID id, long sequence) {
        ConflictEventLink link = new ConflictEventLink();
        link.conflictEventId = id;
        link.lastSequence = sequence;
        link.updatedAt = Instant.parse(cloudEvent.path(CloudEventAttributes.TIME).asText());
        if (before != null) {
            link.type = before.type;
            link.status = before.status;
            link.date = before.date;
            link.agreementId = before.agreementId;
            link.termReference = before.termReference;
        }
        JsonNode data = cloudEvent.path(CloudEventAttributes.DATA);
        String type = cloudEvent.path(CloudEventAttributes.TYPE).asText();
        switch (type) {
            case ConflictEventTypes.REPORTED, ConflictEventTypes.CORRECTED -> {
                JsonNode details = data.path("details");
                link.type = details.path("type").asText();
                link.date = details.hasNonNull("date") ? LocalDate.parse(details.path("date").asText()) : null;
                link.agreementId = details.hasNonNull("agreementId")
                        ? UUID.fromString(details.path("agreementId").asText()) : null;
                link.termReference = details.path("term").asText(null);
                if (link.status == null) {
                    link.status = "REPORTED";
                }
            }
            case ConflictEventTypes.CONFIRMED -> link.status = "CONFIRMED";
            case ConflictEventTypes.DISPUTED -> link.status = "DISPUTED";
            case ConflictEventTypes.RETRACTED -> link.status = ConflictEventLink.RETRACTED;
            default -> LOG.debugf("Conflict event message of type %s changes nothing here", type);
        }
        return link;
    }

    /** The agreement a conflict event stands as evidence against: a violation naming it, not retracted. */
    private static UUID violatedAgreement(ConflictEventLink link) {
        if (link == null || link.agreementId == null || ConflictEventLink.RETRACTED.equals(link.status)) {
            return null;
        }
        return isViolation(link.type) ? link.agreementId : null;
    }

    private static boolean isViolation(String type) {
        return Arrays.stream(ConflictEventType.values()).anyMatch(t -> t.name().equals(type) && t.isViolation());
    }
}
