package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The event was disputed.
 */
@Revision("1")
public record ConflictEventDisputed(UUID eventId) {
}
