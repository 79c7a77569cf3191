package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that a party (a signatory) objected to the automatic renewal of a term, at an instant. */
public record ObjectToTermRenewal(
        @TargetAggregateIdentifier UUID agreementId,
        @TargetAggregateVersion Long expectedVersion,
        UUID termId,
        UUID party,
        Instant objectedAt) {
}
