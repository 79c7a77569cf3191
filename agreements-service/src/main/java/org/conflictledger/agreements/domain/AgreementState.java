package org.conflictledger.agreements.domain;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.conflictledger.contracts.AgreementStatus;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * An agreement as its events leave it: details, status and its changes, terms with their
 * assessments, and the violations reported against it. The aggregate decides with it and the read
 * model and {@code asOf} reads are folded with it, so both read the events the same way.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public final class AgreementState {
    private UUID agreementId;
    private AgreementDetails details;
    private AgreementStatus status;
    private List<StatusChange> statusChanges = new ArrayList<>();
    private List<TermState> terms = new ArrayList<>();
    private List<ViolationRecord> violations = new ArrayList<>();

    /** Applies one of the agreement's events; any other object changes nothing. */
    public AgreementState apply(Object event) {
        if (event instanceof AgreementRecorded e) {
            agreementId = e.agreementId();
            details = e.details();
            status = e.status();
        } else if (event instanceof AgreementCorrected e) {
            details = e.details();
        } else if (event instanceof AgreementStatusChanged e) {
            status = e.status();
            statusChanges.add(new StatusChange(e.status(), e.effectiveAt()));
        } else if (event instanceof TermAdded e) {
            terms.add(new TermState(e.termId(), e.details()));
        } else if (event instanceof TermCorrected e) {
            term(e.termId()).ifPresent(t -> t.correct(e.details()));
        } else if (event instanceof TermComplianceAssessed e) {
            term(e.termId()).ifPresent(t -> t.assess(new Assessment(e.assessment(), e.status(), e.score(),
                    e.effectiveAt(), e.evidence(), e.automatic(), false)));
        } else if (event instanceof TermRenewalObjected e) {
            term(e.termId()).ifPresent(t -> t.object(new Objection(e.party(), e.objectedAt())));
        } else if (event instanceof ViolationEvidenceRecorded e) {
            violations.add(new ViolationRecord(e.conflictEventId(), e.termId(), e.termReference(), e.occurredAt(), false));
        } else if (event instanceof ViolationEvidenceWithdrawn e) {
            violations.replaceAll(v -> v.conflictEvent().equals(e.conflictEventId()) ? v.asWithdrawn() : v);
            if (e.termId() != null) {
                term(e.termId()).ifPresent(t -> t.withdraw(e.withdrawnAssessments()));
            }
        }
        return this;
    }

    public UUID agreementId() {
        return agreementId;
    }

    public AgreementDetails details() {
        return details;
    }

    public AgreementStatus status() {
        return status;
    }

    public List<StatusChange> statusChanges() {
        return List.copyOf(statusChanges);
    }

    /** The terms in their order. */
    public List<TermState> terms() {
        return terms.stream().sorted(Comparator.comparingInt(t -> t.details().order())).toList();
    }

    public Optional<TermState> term(UUID termId) {
        return terms.stream().filter(t -> t.termId().equals(termId)).findFirst();
    }

    public List<ViolationRecord> violations() {
        return List.copyOf(violations);
    }

    /** The evidence of a conflict event this agreement holds and has not withdrawn. */
    public Optional<ViolationRecord> activeViolation(UUID conflictEvent) {
        return violations.stream().filter(v -> !v.withdrawn() && v.conflictEvent().equals(conflictEvent)).findFirst();
    }

    public ZoneId zone() {
        return ZoneId.of(details.inForceZone());
    }

    /**
     * Whether the agreement was in force at an instant: it took effect by then, and the last status
     * change effective by then (if any) left it in force.
     */
    public boolean inForceAt(Instant at) {
        if (status == AgreementStatus.DRAFT || details.inForceAt() == null || details.inForceAt().isAfter(at)) {
            return false;
        }
        return statusChanges.stream()
                .filter(c -> !c.effectiveAt().isAfter(at))
                .reduce((first, second) -> second.effectiveAt().isBefore(first.effectiveAt()) ? first : second)
                .map(c -> c.status() == AgreementStatus.IN_FORCE)
                .orElse(true);
    }

    /** When the agreement ended (terminated or superseded), if it has. */
    public Optional<Instant> endedAt() {
        if (status == null || !status.isFinal()) {
            return Optional.empty();
        }
        return statusChanges.stream().filter(c -> c.status().isFinal()).map(StatusChange::effectiveAt)
                .reduce((first, second) -> second);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgreementState that
                && Objects.equals(agreementId, that.agreementId)
                && Objects.equals(details, that.details)
                && Objects.equals(status, that.status)
                && Objects.equals(statusChanges, that.statusChanges)
                && Objects.equals(terms, that.terms)
                && Objects.equals(violations, that.violations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agreementId, details, status, statusChanges, terms, violations);
    }
}
