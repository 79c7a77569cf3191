package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces the agreement's details with a complete new set, checked as when recorded; equal details change nothing. {@code expectedVersion} null means no check. */
public record CorrectAgreement(
        @TargetAggregateIdentifier UUID agreementId,
        @TargetAggregateVersion Long expectedVersion,
        AgreementDetails details) {
}
