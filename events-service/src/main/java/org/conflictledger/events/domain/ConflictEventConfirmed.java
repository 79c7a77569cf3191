package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The event was confirmed.
 */
@Revision("1")
public record ConflictEventConfirmed(UUID eventId) {
}
