package org.conflictledger.actors.query;

/** Where an actor is in its lifecycle. */
public enum ActorStatus {
    ACTIVE,
    MERGED,
    RETRACTED
}
