package org.conflictledger.actors.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.ActorKind;

/**
 * An actor entered the record. Name and aliases are already normalised.
 */
@Revision("1")
public record ActorRegistered(
        UUID actorId,
        String key,
        String name,
        ActorKind kind,
        List<String> aliases,
        String country,
        String affiliation) {

    public ActorRegistered {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
