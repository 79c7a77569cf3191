package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * A conflict event entered the record. Its details are already normalised (defaults filled in,
 * texts trimmed).
 */
@Revision("1")
public record ConflictEventReported(
        UUID eventId,
        ConflictEventDetails details) {
}
