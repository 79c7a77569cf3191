package org.conflictledger.contracts;

/** The part an actor played in a conflict event; directional, unlike ACLED's actor1/actor2. */
public enum ActorRole {
    PERPETRATOR,
    TARGET,
    MEDIATOR,
    SIGNATORY,
    SUPPORTER,
    AFFECTED
}
