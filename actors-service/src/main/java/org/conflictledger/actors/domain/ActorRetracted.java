package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The actor was retracted from the record (kept, never deleted).
 */
@Revision("1")
public record ActorRetracted(UUID actorId) {
}
