package org.conflictledger.agreements.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A term was added to the agreement. */
@Revision("1")
public record TermAdded(
        UUID agreementId,
        UUID termId,
        TermDetails details) {
}
