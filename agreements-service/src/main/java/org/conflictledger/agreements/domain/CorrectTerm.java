package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces a term's details with a complete new set; equal details change nothing. */
public record CorrectTerm(
        @TargetAggregateIdentifier UUID agreementId,
        @TargetAggregateVersion Long expectedVersion,
        UUID termId,
        TermDetails details) {
}
