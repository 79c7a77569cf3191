package org.conflictledger.actorreplica;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks actors up in the replica this service keeps from {@code ledger.actors.v1}. */
public interface ActorDirectory {

    Optional<ActorRef> byId(UUID id);

    /** By id (UUID text), key, name or alias (names and aliases case-insensitive, exact). */
    Optional<ActorRef> byReference(String reference);

    Map<UUID, ActorRef> byIds(Collection<UUID> ids);
}
