package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a conflict event reported as a violation of the agreement (and, when {@code termId} is known, of that term, whose compliance then turns VIOLATED, effective at {@code occurredAt}). Repeating it changes nothing. */
public record RecordViolationEvidence(
        @TargetAggregateIdentifier UUID agreementId,
        UUID conflictEventId,
        UUID termId,
        String termReference,
        Instant occurredAt) {
}
