package org.conflictledger.contracts;

/**
 * What kind of conflict event a record describes: ACLED's six event types, and the finer types
 * this record needs (each of which maps onto an ACLED type and sub-type on export).
 */
public enum ConflictEventType {
    BATTLE,
    EXPLOSION_REMOTE_VIOLENCE,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTEST,
    RIOT,
    STRATEGIC_DEVELOPMENT,
    CEASEFIRE_DECLARED,
    CEASEFIRE_VIOLATION,
    NEGOTIATION,
    AGREEMENT_SIGNED,
    INTERVENTION,
    DEPLOYMENT,
    WITHDRAWAL,
    PRISONER_EXCHANGE,
    STATEMENT,
    SANCTION;

    /** Whether an event of this type reports that an agreement was broken (it must name the agreement). */
    public boolean isViolation() {
        return this == CEASEFIRE_VIOLATION;
    }
}
