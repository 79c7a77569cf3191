package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a term to the agreement under a new id. */
public record AddTerm(
        @TargetAggregateIdentifier UUID agreementId,
        @TargetAggregateVersion Long expectedVersion,
        UUID termId,
        TermDetails details) {
}
