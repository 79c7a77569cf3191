package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.conflictledger.contracts.ComplianceStatus;

/** Records how a term is being kept, effective at an instant, with the evidence it rests on. A score of null takes the status's default Peace Accords Matrix score. */
public record AssessTermCompliance(
        @TargetAggregateIdentifier UUID agreementId,
        @TargetAggregateVersion Long expectedVersion,
        UUID termId,
        ComplianceStatus status,
        Integer score,
        Instant effectiveAt,
        List<Evidence> evidence) {
}
