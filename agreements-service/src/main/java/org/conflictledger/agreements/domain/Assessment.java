package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.List;

import org.conflictledger.contracts.ComplianceStatus;

/**
 * One assessment of a term's compliance, in force from {@code effectiveAt} until a later one.
 * A withdrawn assessment (its evidence was retracted) no longer counts.
 */
public record Assessment(
        int number,
        ComplianceStatus status,
        int score,
        Instant effectiveAt,
        List<Evidence> evidence,
        boolean automatic,
        boolean withdrawn) {

    public Assessment {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    boolean rests(java.util.UUID conflictEvent) {
        return evidence.stream().anyMatch(e -> e.conflictEvent().equals(conflictEvent));
    }

    Assessment asWithdrawn() {
        return new Assessment(number, status, score, effectiveAt, evidence, automatic, true);
    }
}
