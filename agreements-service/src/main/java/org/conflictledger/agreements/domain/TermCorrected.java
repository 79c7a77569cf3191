package org.conflictledger.agreements.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A term's details were replaced; {@code changedFields} names the top-level fields that differ, sorted. */
@Revision("1")
public record TermCorrected(
        UUID agreementId,
        UUID termId,
        TermDetails details,
        List<String> changedFields) {

    public TermCorrected {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
