package org.conflictledger.events.domain;

/**
 * Where a conflict event stands in its lifecycle. A reported event can be confirmed or disputed
 * (and either turned into the other); a retracted event is kept but accepts no further change.
 * A correction leaves the status as it is.
 */
public enum ConflictEventStatus {
    REPORTED,
    CONFIRMED,
    DISPUTED,
    RETRACTED
}
