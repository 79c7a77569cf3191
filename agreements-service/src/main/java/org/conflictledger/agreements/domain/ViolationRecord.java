package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.UUID;

/** A conflict event reported as a violation of the agreement, and the term it names where known. */
public record ViolationRecord(
        UUID conflictEvent,
        UUID termId,
        String termReference,
        Instant occurredAt,
        boolean withdrawn) {

    ViolationRecord asWithdrawn() {
        return new ViolationRecord(conflictEvent, termId, termReference, occurredAt, true);
    }
}
