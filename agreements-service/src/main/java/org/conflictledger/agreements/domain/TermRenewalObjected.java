package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A party objected to the automatic renewal of a term. */
@Revision("1")
public record TermRenewalObjected(
        UUID agreementId,
        UUID termId,
        UUID party,
        Instant objectedAt) {
}
