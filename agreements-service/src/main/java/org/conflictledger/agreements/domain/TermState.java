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

import org.conflictledger.contracts.ComplianceStatus;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** A term of an agreement as the record holds it: its details, its assessments and objections to its renewal. */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public final class TermState {
    private static final Comparator<Assessment> IN_EFFECT_ORDER =
            Comparator.comparing(Assessment::effectiveAt).thenComparingInt(Assessment::number);

    private UUID termId;
    private TermDetails details;
    private List<Assessment> assessments = new ArrayList<>();
    private List<Objection> objections = new ArrayList<>();

    /** For Jackson. */
    TermState() {
    }

    TermState(UUID termId, TermDetails details) {
        this.termId = termId;
        this.details = details;
    }

    public UUID termId() {
        return termId;
    }

    public TermDetails details() {
        return details;
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public List<Objection> objections() {
        return List.copyOf(objections);
    }

    /** The assessment in effect at an instant (valid time), if any; withdrawn ones do not count. */
    public Optional<Assessment> assessmentAt(Instant at) {
        return assessments.stream()
                .filter(a -> !a.withdrawn() && !a.effectiveAt().isAfter(at))
                .max(IN_EFFECT_ORDER);
    }

    /** The assessment in effect now: the one with the latest effective instant. */
    public Optional<Assessment> currentAssessment() {
        return assessments.stream().filter(a -> !a.withdrawn()).max(IN_EFFECT_ORDER);
    }

    public ComplianceStatus complianceAt(Instant at) {
        return assessmentAt(at).map(Assessment::status).orElse(ComplianceStatus.PENDING);
    }

    public ComplianceStatus compliance() {
        return currentAssessment().map(Assessment::status).orElse(ComplianceStatus.PENDING);
    }

    /** The first instant after the deadline day, in the agreement's zone; null without a deadline. */
    public Instant deadlinePassesAt(ZoneId zone) {
        return details.deadline() == null ? null : details.deadline().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Overdue at an instant: its deadline day is over there and then, and it was not fulfilled by then. */
    public boolean overdueAt(Instant at, ZoneId zone) {
        Instant passes = deadlinePassesAt(zone);
        return passes != null && !at.isBefore(passes) && complianceAt(at) != ComplianceStatus.FULFILLED;
    }

    int nextAssessmentNumber() {
        return assessments.size();
    }

    List<Integer> automaticAssessmentsResting(UUID conflictEvent) {
        return assessments.stream().filter(a -> a.automatic() && !a.withdrawn() && a.rests(conflictEvent))
                .map(Assessment::number).toList();
    }

    void correct(TermDetails corrected) {
        details = corrected;
    }

    void assess(Assessment assessment) {
        assessments.add(assessment);
    }

    void withdraw(List<Integer> numbers) {
        assessments.replaceAll(a -> numbers.contains(a.number()) ? a.asWithdrawn() : a);
    }

    void object(Objection objection) {
        objections.add(objection);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TermState that
                && Objects.equals(termId, that.termId)
                && Objects.equals(details, that.details)
                && Objects.equals(assessments, that.assessments)
                && Objects.equals(objections, that.objections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(termId, details, assessments, objections);
    }
}
