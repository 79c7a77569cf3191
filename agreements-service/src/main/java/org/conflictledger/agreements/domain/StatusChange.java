package org.conflictledger.agreements.domain;

import java.time.Instant;

import org.conflictledger.contracts.AgreementStatus;

/** The agreement's status from an instant on (valid time). */
public record StatusChange(
        AgreementStatus status,
        Instant effectiveAt) {
}
