package org.conflictledger.agreements.domain;

import java.util.UUID;

/** A condition between two terms of an agreement: this term happens {@code kind} the other one. */
public record TermCondition(
        ConditionKind kind,
        UUID term) {

    /** How a term depends on another. */
    public enum ConditionKind {
        /** Happens at the same time as the other (the contingent deploys in parallel with the withdrawal). */
        IN_PARALLEL_WITH,
        /** Happens only after the other. */
        AFTER,
        /** Must happen before the other. */
        BEFORE,
        /** Holds only if the other is kept. */
        CONDITIONAL_ON
    }
}
