package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A conflict event reported as a violation of the agreement was recorded as evidence; {@code termId} is the term it names, when it names one this agreement has. */
@Revision("1")
public record ViolationEvidenceRecorded(
        UUID agreementId,
        UUID conflictEventId,
        UUID termId,
        String termReference,
        Instant occurredAt) {
}
