package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.ComplianceStatus;

/** A term's compliance was assessed: its status and Peace Accords Matrix score from {@code effectiveAt}, on the evidence given. {@code assessment} numbers the term's assessments from 0; an automatic one was made from a violation reported on ledger.events.v1. */
@Revision("1")
public record TermComplianceAssessed(
        UUID agreementId,
        UUID termId,
        int assessment,
        ComplianceStatus status,
        int score,
        Instant effectiveAt,
        List<Evidence> evidence,
        boolean automatic) {

    public TermComplianceAssessed {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
