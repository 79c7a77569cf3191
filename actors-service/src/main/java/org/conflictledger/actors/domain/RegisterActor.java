package org.conflictledger.actors.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conflictledger.contracts.ActorKind;

/**
 * Registers a new actor. The aggregate trims the name and aliases, drops duplicate aliases
 * (case-insensitive) and an alias equal to the name, and rejects anything it cannot hold.
 *
 * @param affiliation free text naming the parent the actor belongs to (a leader's state, a force's
 *                    state); {@code null} when none
 */
public record RegisterActor(
        @TargetAggregateIdentifier UUID actorId,
        String key,
        String name,
        ActorKind kind,
        List<String> aliases,
        String country,
        String affiliation) {
}
