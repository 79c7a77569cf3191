package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.conflictledger.contracts.AgreementStatus;

/** Moves the agreement to another status, effective at an instant (valid time); moving to the status it has changes nothing. */
public record ChangeAgreementStatus(
        @TargetAggregateIdentifier UUID agreementId,
        @TargetAggregateVersion Long expectedVersion,
        AgreementStatus status,
        Instant effectiveAt) {
}
