package org.conflictledger.actors.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The actor's aliases were replaced by {@code aliases} (the complete new list).
 */
@Revision("1")
public record ActorAliasesChanged(
        UUID actorId,
        List<String> aliases) {

    public ActorAliasesChanged {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
