package org.conflictledger.agreements.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The agreement's details were replaced; {@code changedFields} names the top-level fields that differ, sorted. */
@Revision("1")
public record AgreementCorrected(
        UUID agreementId,
        AgreementDetails details,
        List<String> changedFields) {

    public AgreementCorrected {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
