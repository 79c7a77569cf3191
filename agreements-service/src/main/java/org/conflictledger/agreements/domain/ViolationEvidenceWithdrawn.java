package org.conflictledger.agreements.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The evidence of a conflict event was withdrawn, and with it the automatic assessments it caused ({@code withdrawnAssessments}, by number). */
@Revision("1")
public record ViolationEvidenceWithdrawn(
        UUID agreementId,
        UUID conflictEventId,
        UUID termId,
        List<Integer> withdrawnAssessments) {

    public ViolationEvidenceWithdrawn {
        withdrawnAssessments = withdrawnAssessments == null ? List.of() : List.copyOf(withdrawnAssessments);
    }
}
