package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.AgreementStatus;

/** The agreement moved from one status to another, effective at an instant. */
@Revision("1")
public record AgreementStatusChanged(
        UUID agreementId,
        AgreementStatus previousStatus,
        AgreementStatus status,
        Instant effectiveAt) {
}
