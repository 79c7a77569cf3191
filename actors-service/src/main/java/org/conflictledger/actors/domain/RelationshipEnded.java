package org.conflictledger.actors.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * One of the actor's relationships ended on {@code validUntil}.
 */
@Revision("1")
public record RelationshipEnded(
        UUID actorId,
        UUID relationshipId,
        LocalDate validUntil) {
}
