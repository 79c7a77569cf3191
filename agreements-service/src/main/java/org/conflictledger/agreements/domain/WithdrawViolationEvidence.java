package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws the evidence of a conflict event (retracted, or no longer reported as a violation of this agreement), with the automatic VIOLATED assessment it caused. Withdrawing evidence the agreement does not hold changes nothing. */
public record WithdrawViolationEvidence(
        @TargetAggregateIdentifier UUID agreementId,
        UUID conflictEventId) {
}
