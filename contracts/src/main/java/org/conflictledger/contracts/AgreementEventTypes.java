package org.conflictledger.contracts;

/**
 * CloudEvent {@code type}s published on {@link Topics#AGREEMENTS}. The {@code data} of each is the
 * JSON of the stored event; every one carries {@code agreementId}, and those about a term its
 * {@code termId}.
 */
public final class AgreementEventTypes {
    public static final String RECORDED = "ledger.agreement.recorded.v1";
    public static final String CORRECTED = "ledger.agreement.corrected.v1";
    public static final String STATUS_CHANGED = "ledger.agreement.status-changed.v1";
    public static final String TERM_ADDED = "ledger.agreement.term-added.v1";
    public static final String TERM_CORRECTED = "ledger.agreement.term-corrected.v1";
    public static final String TERM_COMPLIANCE_ASSESSED = "ledger.agreement.term-compliance-assessed.v1";
    public static final String TERM_RENEWAL_OBJECTED = "ledger.agreement.term-renewal-objected.v1";
    public static final String VIOLATION_EVIDENCE_RECORDED = "ledger.agreement.violation-evidence-recorded.v1";
    public static final String VIOLATION_EVIDENCE_WITHDRAWN = "ledger.agreement.violation-evidence-withdrawn.v1";

    private AgreementEventTypes() {
    }
}
