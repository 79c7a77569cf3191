package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conflictledger.contracts.AgreementStatus;

/** Records a new agreement; the status defaults to IN_FORCE when it has an in-force instant, SIGNED when it has a signing date, DRAFT otherwise. */
public record RecordAgreement(
        @TargetAggregateIdentifier UUID agreementId,
        AgreementDetails details,
        AgreementStatus status) {
}
