package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.AgreementStatus;

/** An agreement entered the record, with its details (normalised) and its status. */
@Revision("1")
public record AgreementRecorded(
        UUID agreementId,
        AgreementDetails details,
        AgreementStatus status) {
}
