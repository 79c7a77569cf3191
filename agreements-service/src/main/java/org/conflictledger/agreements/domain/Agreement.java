package org.conflictledger.agreements.domain;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conflictledger.agreements.domain.AgreementRules.AGREEMENT_ENDED;
import static org.conflictledger.agreements.domain.AgreementRules.AGREEMENT_ID_MISSING;
import static org.conflictledger.agreements.domain.AgreementRules.CONDITION_INVALID;
import static org.conflictledger.agreements.domain.AgreementRules.EFFECTIVE_AT_MISSING;
import static org.conflictledger.agreements.domain.AgreementRules.EVIDENCE_INVALID;
import static org.conflictledger.agreements.domain.AgreementRules.INITIAL_STATUS_INVALID;
import static org.conflictledger.agreements.domain.AgreementRules.IN_FORCE_WITHOUT_INSTANT;
import static org.conflictledger.agreements.domain.AgreementRules.OBJECTOR_NOT_A_SIGNATORY;
import static org.conflictledger.agreements.domain.AgreementRules.SCORE_OUT_OF_RANGE;
import static org.conflictledger.agreements.domain.AgreementRules.SIGNATORIES_MISSING;
import static org.conflictledger.agreements.domain.AgreementRules.STATUS_MISSING;
import static org.conflictledger.agreements.domain.AgreementRules.STATUS_CHANGE_OUT_OF_ORDER;
import static org.conflictledger.agreements.domain.AgreementRules.STATUS_TRANSITION_INVALID;
import static org.conflictledger.agreements.domain.AgreementRules.TERMS_TOO_MANY;
import static org.conflictledger.agreements.domain.AgreementRules.TERM_ID_MISSING;
import static org.conflictledger.agreements.domain.AgreementRules.TERM_ID_TAKEN;
import static org.conflictledger.agreements.domain.AgreementRules.TERM_NOT_RENEWABLE;
import static org.conflictledger.agreements.domain.AgreementRules.TERM_ORDER_TAKEN;
import static org.conflictledger.agreements.domain.AgreementRules.TERM_UNKNOWN;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.platform.domain.RuleViolation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * An agreement of the record with its terms and how each term is kept.
 *
 * <p>Command handlers check the rules ({@link AgreementRules}) and apply events; the one
 * event-sourcing handler hands every event to {@link AgreementState}, which only assigns state.
 * Violations arrive from ledger.events.v1 and are idempotent: recording the same conflict event
 * twice, or withdrawing one the agreement does not hold, changes nothing.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Agreement {
    private static final Map<AgreementStatus, Set<AgreementStatus>> TRANSITIONS = Map.of(
            AgreementStatus.DRAFT, EnumSet.of(AgreementStatus.SIGNED, AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED),
            AgreementStatus.SIGNED, EnumSet.of(AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED,
                    AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED),
            AgreementStatus.IN_FORCE, EnumSet.of(AgreementStatus.SUSPENDED, AgreementStatus.TERMINATED,
                    AgreementStatus.SUPERSEDED),
            AgreementStatus.SUSPENDED, EnumSet.of(AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED,
                    AgreementStatus.SUPERSEDED),
            AgreementStatus.TERMINATED, EnumSet.noneOf(AgreementStatus.class),
            AgreementStatus.SUPERSEDED, EnumSet.noneOf(AgreementStatus.class));

    private static final Set<AgreementStatus> ENTRY_STATUSES =
            EnumSet.of(AgreementStatus.DRAFT, AgreementStatus.SIGNED, AgreementStatus.IN_FORCE);

    @AggregateIdentifier
    private UUID agreementId;
    private AgreementState state = new AgreementState();

    /** For Axon and Jackson. */
    protected Agreement() {
    }

    @CommandHandler
    public Agreement(RecordAgreement command) {
        if (command.agreementId() == null) {
            throw new RuleViolation(AGREEMENT_ID_MISSING, "An agreement needs an id.");
        }
        AgreementDetails details = AgreementRules.details(command.details(), command.agreementId());
        AgreementStatus status = command.status() != null ? command.status()
                : details.inForceAt() != null ? AgreementStatus.IN_FORCE
                : details.signedOn() != null ? AgreementStatus.SIGNED
                : AgreementStatus.DRAFT;
        if (!ENTRY_STATUSES.contains(status)) {
            throw new RuleViolation(INITIAL_STATUS_INVALID, "An agreement enters the record as " + ENTRY_STATUSES
                    + "; it is suspended, terminated or superseded afterwards, by a status change that says when.");
        }
        requireConsistent(details, status);
        apply(new AgreementRecorded(command.agreementId(), details, status));
    }

    @CommandHandler
    public void handle(CorrectAgreement command) {
        AgreementDetails corrected = AgreementRules.details(command.details(), agreementId);
        if (corrected.equals(state.details())) {
            return;
        }
        requireConsistent(corrected, state.status());
        apply(new AgreementCorrected(agreementId, corrected, AgreementRules.changedFields(state.details(), corrected)));
    }

    @CommandHandler
    public void handle(ChangeAgreementStatus command) {
        if (command.status() == null) {
            throw new RuleViolation(STATUS_MISSING, "A status change needs the new status.");
        }
        if (command.effectiveAt() == null) {
            throw new RuleViolation(EFFECTIVE_AT_MISSING, "A status change needs the instant it takes effect.");
        }
        AgreementStatus current = state.status();
        if (command.status() == current) {
            return;
        }
        if (current.isFinal()) {
            throw new RuleViolation(AGREEMENT_ENDED, "The agreement is " + current + " and cannot change status.");
        }
        if (!TRANSITIONS.get(current).contains(command.status())) {
            throw new RuleViolation(STATUS_TRANSITION_INVALID,
                    "An agreement that is " + current + " cannot become " + command.status() + "; it can become "
                            + TRANSITIONS.get(current) + ".");
        }
        requireConsistent(state.details(), command.status());
        AgreementRules.instant(command.effectiveAt(), "A status change's effectiveAt");
        state.statusChanges().stream().map(StatusChange::effectiveAt).max(Instant::compareTo)
                .filter(latest -> command.effectiveAt().isBefore(latest))
                .ifPresent(latest -> {
                    throw new RuleViolation(STATUS_CHANGE_OUT_OF_ORDER, "The last status change took effect at "
                            + latest + "; a later one cannot take effect before it (" + command.effectiveAt() + ").");
                });
        apply(new AgreementStatusChanged(agreementId, current, command.status(), command.effectiveAt()));
    }

    @CommandHandler
    public void handle(AddTerm command) {
        if (command.termId() == null) {
            throw new RuleViolation(TERM_ID_MISSING, "A term needs an id.");
        }
        if (state.term(command.termId()).isPresent()) {
            throw new RuleViolation(TERM_ID_TAKEN, "The agreement already has a term " + command.termId() + ".");
        }
        if (state.terms().size() >= AgreementRules.MAX_TERMS) {
            throw new RuleViolation(TERMS_TOO_MANY, "An agreement has at most " + AgreementRules.MAX_TERMS + " terms.");
        }
        TermDetails details = checkedTerm(command.termId(), command.details());
        apply(new TermAdded(agreementId, command.termId(), details));
    }

    @CommandHandler
    public void handle(CorrectTerm command) {
        TermState term = term(command.termId());
        TermDetails corrected = checkedTerm(command.termId(), command.details());
        if (corrected.equals(term.details())) {
            return;
        }
        apply(new TermCorrected(agreementId, term.termId(), corrected,
                AgreementRules.changedFields(term.details(), corrected)));
    }

    @CommandHandler
    public void handle(AssessTermCompliance command) {
        TermState term = term(command.termId());
        if (command.status() == null) {
            throw new RuleViolation(STATUS_MISSING, "An assessment needs a compliance status.");
        }
        if (command.effectiveAt() == null) {
            throw new RuleViolation(EFFECTIVE_AT_MISSING, "An assessment needs the instant it holds from.");
        }
        AgreementRules.instant(command.effectiveAt(), "An assessment's effectiveAt");
        int score = command.score() == null ? command.status().defaultScore() : command.score();
        if (score < 0 || score > 3) {
            throw new RuleViolation(SCORE_OUT_OF_RANGE, "A Peace Accords Matrix score is 0 to 3, but was " + score + ".");
        }
        apply(new TermComplianceAssessed(agreementId, term.termId(), term.nextAssessmentNumber(), command.status(),
                score, command.effectiveAt(), AgreementRules.evidence(command.evidence()), false));
    }

    @CommandHandler
    public void handle(ObjectToTermRenewal command) {
        TermState term = term(command.termId());
        TermDuration duration = term.details().duration();
        if (duration == null || !duration.autoRenew()) {
            throw new RuleViolation(TERM_NOT_RENEWABLE, "Term " + term.details().order() + " does not renew automatically.");
        }
        if (command.party() == null || !state.details().signatories().contains(command.party())) {
            throw new RuleViolation(OBJECTOR_NOT_A_SIGNATORY, "Only a signatory of the agreement can object to a renewal.");
        }
        if (command.objectedAt() == null) {
            throw new RuleViolation(EFFECTIVE_AT_MISSING, "An objection needs the instant it was made.");
        }
        AgreementRules.instant(command.objectedAt(), "An objection's objectedAt");
        Objection objection = new Objection(command.party(), command.objectedAt());
        if (term.objections().contains(objection)) {
            return;
        }
        apply(new TermRenewalObjected(agreementId, term.termId(), command.party(), command.objectedAt()));
    }

    @CommandHandler
    public void handle(RecordViolationEvidence command) {
        if (command.conflictEventId() == null) {
            throw new RuleViolation(EVIDENCE_INVALID, "Violation evidence names its conflict event.");
        }
        if (command.occurredAt() == null) {
            throw new RuleViolation(EFFECTIVE_AT_MISSING, "Violation evidence needs the instant the violation occurred.");
        }
        AgreementRules.instant(command.occurredAt(), "A violation's occurredAt");
        UUID termId = command.termId() != null && state.term(command.termId()).isPresent() ? command.termId() : null;
        var held = state.activeViolation(command.conflictEventId());
        if (held.isPresent()) {
            if (Objects.equals(held.get().termId(), termId) && held.get().occurredAt().equals(command.occurredAt())) {
                return;
            }
            withdraw(command.conflictEventId(), held.get().termId());
        }
        apply(new ViolationEvidenceRecorded(agreementId, command.conflictEventId(), termId, command.termReference(),
                command.occurredAt()));
        if (termId != null) {
            TermState term = state.term(termId).orElseThrow();
            apply(new TermComplianceAssessed(agreementId, termId, term.nextAssessmentNumber(), ComplianceStatus.VIOLATED,
                    ComplianceStatus.VIOLATED.defaultScore(), command.occurredAt(),
                    List.of(new Evidence(command.conflictEventId(), "Reported as a violation of this term")), true));
        }
    }

    @CommandHandler
    public void handle(WithdrawViolationEvidence command) {
        if (command.conflictEventId() == null) {
            throw new RuleViolation(EVIDENCE_INVALID, "A withdrawal names the conflict event whose evidence it withdraws.");
        }
        state.activeViolation(command.conflictEventId())
                .ifPresent(held -> withdraw(command.conflictEventId(), held.termId()));
    }

    private void withdraw(UUID conflictEventId, UUID termId) {
        List<Integer> assessments = termId == null ? List.of()
                : state.term(termId).map(t -> t.automaticAssessmentsResting(conflictEventId)).orElse(List.of());
        apply(new ViolationEvidenceWithdrawn(agreementId, conflictEventId, termId, assessments));
    }

    private TermState term(UUID termId) {
        return state.term(termId).orElseThrow(() ->
                new RuleViolation(TERM_UNKNOWN, "The agreement has no term " + termId + "."));
    }

    /** The term's details normalised, its order free and its conditions on other terms of this agreement. */
    private TermDetails checkedTerm(UUID termId, TermDetails given) {
        TermDetails details = AgreementRules.term(given);
        for (TermState other : state.terms()) {
            if (!other.termId().equals(termId) && other.details().order() == details.order()) {
                throw new RuleViolation(TERM_ORDER_TAKEN, "The agreement already has a term " + details.order() + ".");
            }
        }
        for (TermCondition condition : details.conditions()) {
            if (condition.term().equals(termId)) {
                throw new RuleViolation(CONDITION_INVALID, "A term cannot be a condition of itself.");
            }
            if (state.term(condition.term()).isEmpty()) {
                throw new RuleViolation(CONDITION_INVALID, "A condition names term " + condition.term()
                        + ", which this agreement does not have.");
            }
        }
        return details;
    }

    private static void requireConsistent(AgreementDetails details, AgreementStatus status) {
        if (status == AgreementStatus.IN_FORCE && details.inForceAt() == null) {
            throw new RuleViolation(IN_FORCE_WITHOUT_INSTANT,
                    "An agreement in force needs the instant it took effect (inForceAt).");
        }
        // A draft may be abandoned (terminated) unsigned; signed and in-force agreements name who signed.
        if ((status == AgreementStatus.SIGNED || status == AgreementStatus.IN_FORCE) && details.signatories().isEmpty()) {
            throw new RuleViolation(SIGNATORIES_MISSING, "A signed agreement needs at least one signatory.");
        }
    }

    @EventSourcingHandler
    void on(Object event) {
        if (event instanceof AgreementRecorded recorded) {
            agreementId = recorded.agreementId();
        }
        state.apply(event);
    }
}
