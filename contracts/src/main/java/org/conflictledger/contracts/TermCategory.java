package org.conflictledger.contracts;

/** What a term (provision) of an agreement is about. */
public enum TermCategory {
    CEASEFIRE,
    TERRITORIAL_TRANSFER,
    WITHDRAWAL,
    PEACEKEEPING,
    CORRIDOR,
    PRISONER_EXCHANGE,
    RETURN_OF_DISPLACED,
    TRANSPORT_LINKS,
    MONITORING,
    CONSTRUCTION
}
