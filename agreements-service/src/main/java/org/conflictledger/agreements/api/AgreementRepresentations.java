package org.conflictledger.agreements.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.conflictledger.agreements.domain.Evidence;
import org.conflictledger.agreements.domain.Quantity;
import org.conflictledger.agreements.domain.StatusChange;
import org.conflictledger.agreements.domain.TermCondition.ConditionKind;
import org.conflictledger.agreements.domain.TermDuration;
import org.conflictledger.agreements.domain.TermSchedule;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.audit.HistoryEntry;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** What the agreement API answers. */
public final class AgreementRepresentations {

    private AgreementRepresentations() {
    }

    @Schema(name = "ActorName", description = "An actor named in the record (key and name from this service's replica)")
    public record ActorName(UUID id, @Schema(example = "AZE") String key, @Schema(example = "Azerbaijan") String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Agreement", description = "An agreement of the record")
    public record Agreement(
            UUID id,
            String title,
            AgreementKind kind,
            Theater theater,
            LocalDate signedOn,
            String signedPlace,
            @Schema(description = "When it took effect (UTC)", example = "2020-11-09T21:00:00Z") Instant inForceAt,
            @Schema(example = "Europe/Moscow") String inForceZone,
            @Schema(description = "inForceAt as local time in inForceZone", example = "2020-11-10T00:00:00") LocalDateTime inForceLocal,
            List<ActorName> signatories,
            List<ActorName> witnesses,
            List<UUID> supersedes,
            List<UUID> complements,
            String paxAgreementId,
            @Schema(description = "Every identifier of the agreement in other datasets, sorted by scheme, then value:"
                    + " pax:<paxAgreementId> too; search with externalId=scheme:value")
            List<ExternalIdentifier> externalIds,
            AgreementStatus status,
            @Schema(description = "Status changes with the instant each took effect") List<StatusChange> statusChanges,
            @Schema(description = "Whether it was in force at asOf, or now") boolean inForce,
            @Schema(description = "How many terms it has") int terms,
            @Schema(description = "Conflict events reported as violations of it") List<Violation> violations,
            @Schema(description = "Version (number of changes); the ETag") long version,
            Instant recordedAt,
            Instant updatedAt,
            @Schema(description = "Present when the agreement is shown as it stood at this instant") Instant asOf) {
    }

    @Schema(name = "AgreementViolation", description = "A conflict event reported as a violation of the agreement")
    public record Violation(UUID conflictEvent, UUID term, String termReference, Instant occurredAt, boolean withdrawn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgreementTerm", description = "A term of an agreement, with its compliance at an instant")
    public record Term(
            UUID id,
            UUID agreementId,
            int order,
            String article,
            String text,
            TermCategory category,
            List<ActorName> obligated,
            List<ActorName> beneficiaries,
            LocalDate deadline,
            @Schema(description = "The first instant after the deadline day in the agreement's time zone") Instant deadlinePassesAt,
            @Schema(implementation = AgreementRequests.DurationBody.class) TermDuration duration,
            List<Quantity> quantities,
            List<Condition> conditions,
            @Schema(description = "The compliance in effect at the instant the term is shown for") Compliance compliance,
            @Schema(description = "Whether the deadline had passed unfulfilled at that instant") boolean overdue,
            @Schema(description = "The instant compliance and overdue are evaluated at") Instant evaluatedAt,
            @Schema(description = "Every assessment, oldest first") List<Compliance> complianceHistory,
            List<RenewalObjection> renewalObjections,
            @Schema(description = "The agreement's version; the ETag") long version) {
    }

    @Schema(name = "TermConditionView", description = "A condition on another term")
    public record Condition(ConditionKind kind, UUID term, Integer termOrder) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TermCompliance", description = "An assessment of a term's compliance")
    public record Compliance(
            Integer assessment,
            ComplianceStatus status,
            @Schema(description = "Peace Accords Matrix implementation score, 0 to 3") int score,
            @Schema(description = "From when it holds") Instant effectiveAt,
            List<Evidence> evidence,
            @Schema(description = "Made by this service from a violation reported on ledger.events.v1") boolean automatic,
            @Schema(description = "Withdrawn: its evidence was retracted") boolean withdrawn) {
    }

    @Schema(name = "RenewalObjectionView", description = "A party's objection to a term's renewal")
    public record RenewalObjection(ActorName party, Instant objectedAt) {
    }

    @Schema(name = "AgreementPage", description = "A page of agreements")
    public record AgreementPage(List<Agreement> items, @Schema(description = "Cursor of the next page, null on the last") String next) {
    }

    @Schema(name = "AgreementTermPage", description = "A page of an agreement's terms")
    public record TermPage(List<Term> items, @Schema(description = "Cursor of the next page, null on the last") String next) {
    }

    @Schema(name = "AgreementHistoryPage", description = "A page of an agreement's changes")
    public record HistoryPage(List<HistoryEntry> items, @Schema(description = "Cursor of the next page, null on the last") String next) {
    }

    @Schema(name = "AgreementSchedule", description = "Where each term with a duration stands at an instant")
    public record Schedule(UUID agreementId, Instant at, List<TermSchedule> items) {
    }
}
