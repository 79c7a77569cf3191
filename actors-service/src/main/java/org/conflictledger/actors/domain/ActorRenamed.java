package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The actor's name changed from {@code previousName} to {@code name}.
 */
@Revision("1")
public record ActorRenamed(
        UUID actorId,
        String previousName,
        String name) {
}
