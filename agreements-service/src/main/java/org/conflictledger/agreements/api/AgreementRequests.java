package org.conflictledger.agreements.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conflictledger.agreements.domain.TermCondition.ConditionKind;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.conflictledger.platform.api.SourceCitation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/** The bodies of the agreement API's writes. Actors are named by id or key. */
public final class AgreementRequests {
    private static final String ACTOR = "An actor's id or key";

    private AgreementRequests() {
    }

    @Schema(name = "AgreementRecord", description = "An agreement as it enters the record")
    public record Record(
            @NotBlank @Size(max = RecordLimits.MAX_AGREEMENT_TITLE) @Schema(required = true, example = "Statement by the President of the Republic of Azerbaijan, the Prime Minister of the Republic of Armenia and the President of the Russian Federation") String title,
            @NotNull @Schema(required = true, example = "CEASEFIRE") AgreementKind kind,
            @NotNull @Schema(required = true, example = "NAGORNO_KARABAKH") Theater theater,
            @Schema(description = "The day it was signed", example = "2020-11-09") LocalDate signedOn,
            @Size(max = RecordLimits.MAX_NAME) @Schema(example = "Moscow") String signedPlace,
            @Schema(description = "The instant it takes effect (UTC)", example = "2020-11-09T21:00:00Z") Instant inForceAt,
            @Size(max = RecordLimits.MAX_ZONE) @Schema(description = "The time zone the agreement states its times in (default UTC); deadlines end at midnight there", example = "Europe/Moscow") String inForceZone,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Who signed it (ids or keys)", example = "[\"ALIYEV\", \"PASHINYAN\", \"PUTIN\"]")
            List<@NotBlank @Size(max = RecordLimits.MAX_REFERENCE) String> signatories,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Who witnessed it (ids or keys)") List<@NotBlank @Size(max = RecordLimits.MAX_REFERENCE) String> witnesses,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Agreements this one supersedes") List<@NotNull UUID> supersedes,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Agreements this one complements") List<@NotNull UUID> complements,
            @Schema(description = "Status; by default IN_FORCE with inForceAt, SIGNED with signedOn, DRAFT otherwise", example = "IN_FORCE") AgreementStatus status,
            @Size(max = RecordLimits.MAX_EXTERNAL_ID) @Pattern(regexp = RecordLimits.EXTERNAL_ID, message = RecordLimits.EXTERNAL_ID_RULE) @Schema(description = "The agreement's id in PA-X") String paxAgreementId,
            @Size(max = ExternalIds.MAX_PER_RECORD) @Schema(description = "Identifiers of the agreement in other"
                    + " datasets (wikidata:Q…, any scheme:value); pax:<id> is the same as paxAgreementId, and must agree"
                    + " with it. Each identifier names one agreement: one another agreement holds is a 409"
                    + " external-id-taken")
            List<@Valid @NotNull ExternalIdentifier> externalIds,
            @Size(max = RecordLimits.MAX_REASON) @Schema(description = "Why the change is made") String reason,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Sources of the record (also cited for this change)") List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "AgreementStatusChange", description = "A move to another status, effective at an instant")
    public record StatusChange(
            @NotNull @Schema(required = true, example = "SUSPENDED") AgreementStatus status,
            @Schema(description = "When it takes effect (default: now)", example = "2020-11-10T00:00:00Z") Instant effectiveAt,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "Term", description = "A term (provision) of an agreement")
    public record Term(
            @NotNull @Min(1) @Max(RecordLimits.MAX_ORDER) @Schema(required = true, description = "Its place in the agreement", example = "4") Integer order,
            @Size(max = RecordLimits.MAX_ARTICLE) @Schema(description = "Article or paragraph reference", example = "Paragraph 4") String article,
            @NotBlank @Size(max = RecordLimits.MAX_NOTES) @Schema(required = true, example = "The peacekeeping contingent of the Russian Federation shall be deployed …") String text,
            @NotNull @Schema(required = true, example = "PEACEKEEPING") TermCategory category,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Actors it obliges (ids or keys)", example = "[\"RUS\"]") List<@NotBlank @Size(max = RecordLimits.MAX_REFERENCE) String> obligated,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Actors it benefits (ids or keys)") List<@NotBlank @Size(max = RecordLimits.MAX_REFERENCE) String> beneficiaries,
            @Schema(description = "The last day to fulfil it, in the agreement's time zone", example = "2020-11-20") LocalDate deadline,
            @Valid DurationBody duration,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull QuantityBody> quantities,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull ConditionBody> conditions,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "TermDuration", description = "How long a term lasts from entry into force, and how it renews")
    public record DurationBody(
            @NotNull @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, description = "ISO 8601 period", example = "P5Y") Period period,
            @Schema(description = "Renews automatically unless a party objects", example = "true") boolean autoRenew,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, description = "Length of each renewal (default: period)", example = "P5Y") Period renewalPeriod,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, description = "How long before expiry an objection must be made", example = "P6M") Period noticePeriod) {
    }

    @Schema(name = "TermQuantity", description = "A number a term sets")
    public record QuantityBody(
            @NotNull @DecimalMin("0") @Schema(required = true, example = "1960") BigDecimal value,
            @NotBlank @Size(max = RecordLimits.MAX_UNIT) @Schema(required = true, example = "personnel") String unit,
            @Size(max = RecordLimits.MAX_NAME) @Schema(example = "military personnel with small arms") String of) {
    }

    @Schema(name = "TermConditionBody", description = "A condition on another term of the same agreement")
    public record ConditionBody(
            @NotNull @Schema(required = true, example = "IN_PARALLEL_WITH") ConditionKind kind,
            @NotBlank @Size(max = RecordLimits.MAX_REFERENCE) @Schema(required = true, description = "The other term: its id or its order", example = "3") String term) {
    }

    @Schema(name = "ComplianceAssessment", description = "How a term is being kept, from an instant on")
    public record Compliance(
            @NotNull @Schema(required = true, example = "FULFILLED") ComplianceStatus status,
            @Min(0) @Max(3) @Schema(description = "Peace Accords Matrix implementation score, 0 to 3 (default from the status)", example = "3") Integer score,
            @Schema(description = "From when the assessment holds (default: now; not in the future)", example = "2020-11-20T00:00:00Z") Instant effectiveAt,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull EvidenceBody> evidence,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ComplianceEvidence", description = "A conflict event an assessment rests on")
    public record EvidenceBody(
            @NotNull @Schema(required = true, description = "A conflict event's id") UUID conflictEvent,
            @Size(max = RecordLimits.MAX_EVIDENCE_NOTE) String note) {
    }

    @Schema(name = "RenewalObjection", description = "A signatory's objection to a term's automatic renewal")
    public record Objection(
            @NotBlank @Size(max = RecordLimits.MAX_REFERENCE) @Schema(required = true, description = ACTOR, example = "AZE") String party,
            @Schema(description = "When the objection was made (default: now; not in the future)") Instant objectedAt,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }
}
