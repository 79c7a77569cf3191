package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The actor was found to duplicate {@code intoActorId} and was merged into it.
 */
@Revision("1")
public record ActorMerged(
        UUID actorId,
        UUID intoActorId) {
}
