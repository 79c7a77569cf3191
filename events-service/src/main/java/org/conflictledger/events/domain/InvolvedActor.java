package org.conflictledger.events.domain;

import java.util.UUID;

import org.conflictledger.contracts.ActorRole;

/**
 * An actor of the record involved in a conflict event, and the part it played (directional:
 * the perpetrator and the target are different roles).
 */
public record InvolvedActor(
        UUID actorId,
        ActorRole role) {
}
