package org.conflictledger.contracts;

/**
 * How a term is being kept, with the Peace Accords Matrix's 0–3 implementation score each status
 * scores by default (0 none, 1 minimal, 2 intermediate, 3 full).
 */
public enum ComplianceStatus {
    PENDING(0),
    IN_PROGRESS(1),
    FULFILLED(3),
    PARTIALLY_FULFILLED(2),
    VIOLATED(0),
    LAPSED(0);

    private final int defaultScore;

    ComplianceStatus(int defaultScore) {
        this.defaultScore = defaultScore;
    }

    /** The Peace Accords Matrix implementation score this status has unless an assessment gives one. */
    public int defaultScore() {
        return defaultScore;
    }
}
