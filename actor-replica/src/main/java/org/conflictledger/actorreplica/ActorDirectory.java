package org.conflictledger.actorreplica;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks actors up in the replica this service keeps from {@code ledger.actors.v1}. */
public interface ActorDirectory {

    Optional<ActorRef> byId(UUID id);

    /** By id (UUID text), key, name or alias (names and aliases case-insensitive, exact). */
    Optional<ActorRef> byReference(String reference);

    /**
     * The active actor known by {@code scheme}:{@code value} in another dataset ({@code acled}, {@code Military Forces
     * of Turkey (2016-)}); when several are (a classification such as {@code acled-interaction}), none.
     */
    Optional<ActorRef> byExternalId(String scheme, String value);

    Map<UUID, ActorRef> byIds(Collection<UUID> ids);

    /**
     * The actors as they were named at {@code asOf}: key, name and status from the last change of them recorded at
     * or before it. An actor this replica knows no name of by then is answered as it is now.
     */
    Map<UUID, ActorRef> byIdsAsOf(Collection<UUID> ids, Instant asOf);
}
