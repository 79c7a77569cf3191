package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The event was retracted from the record (kept, never deleted).
 */
@Revision("1")
public record ConflictEventRetracted(UUID eventId) {
}
