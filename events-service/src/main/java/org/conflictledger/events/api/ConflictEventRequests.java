package org.conflictledger.events.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.conflictledger.platform.api.SourceCitation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the conflict event API's writes. */
public final class ConflictEventRequests {

    private ConflictEventRequests() {
    }

    @Schema(name = "ConflictEventReport", description = "A conflict event as reported: who did what to whom, where and when")
    public record Report(
            @NotNull @Schema(example = "NAGORNO_KARABAKH", required = true) Theater theater,
            @NotNull @Schema(example = "BATTLE", required = true) ConflictEventType type,
            @Schema(description = "ACLED sub-event type; defaults from the type", example = "ARMED_CLASH") AcledSubType subType,
            @NotNull @Schema(description = "First day", example = "2020-09-27", required = true) LocalDate date,
            @Schema(description = "How precisely the date is known (default DAY)", example = "DAY") DatePrecision datePrecision,
            @Schema(description = "Last day, for an event over several days", example = "2020-11-10") LocalDate endDate,
            @Valid LocationBody location,
            @NotNull @Size(min = 1, max = RecordLimits.MAX_LIST) @Schema(description = "The actors involved, each in a role", required = true)
            List<@Valid @NotNull Participant> actors,
            @Valid FatalitiesBody fatalities,
            @Size(max = RecordLimits.MAX_NOTES) @Schema(example = "Fighting broke out along the line of contact.") String notes,
            @DecimalMin("0.0") @DecimalMax("1.0") @Schema(example = "0.9") Double confidence,
            @Schema(description = "The agreement a violation concerns (required for CEASEFIRE_VIOLATION)") UUID agreement,
            @Size(max = RecordLimits.MAX_TERM_REFERENCE) @Schema(description = "The term of that agreement") String term,
            @Schema(description = "The conflict event this one responds to") UUID respondsTo,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Sources of the record (also cited for this change)")
            List<@Valid @NotNull SourceCitation> sources,
            @Size(max = RecordLimits.MAX_EXTERNAL_ID) @Pattern(regexp = RecordLimits.EXTERNAL_ID, message = RecordLimits.EXTERNAL_ID_RULE) String acledEventId,
            @Size(max = RecordLimits.MAX_EXTERNAL_ID) @Pattern(regexp = RecordLimits.EXTERNAL_ID, message = RecordLimits.EXTERNAL_ID_RULE) String ucdpGedId,
            @Size(max = ExternalIds.MAX_PER_RECORD) @Schema(description = "Identifiers of the event in other datasets"
                    + " (wikidata:Q…, any scheme:value); acled:<event_id_cnty> and ucdp-ged:<id> are the same as"
                    + " acledEventId and ucdpGedId, and must agree with them. Each identifier names one event: one another"
                    + " event holds is a 409 external-id-taken")
            List<@Valid @NotNull ExternalIdentifier> externalIds,
            @Size(max = RecordLimits.MAX_REASON) @Schema(description = "Why the change is made") String reason) {
    }

    @Schema(name = "EventLocation", description = "Where an event happened")
    public record LocationBody(
            @Size(max = RecordLimits.MAX_NAME) @Schema(example = "Shusha") String place,
            @Size(max = RecordLimits.MAX_NAME) String admin1,
            @Size(max = RecordLimits.MAX_NAME) String admin2,
            @Size(max = RecordLimits.MAX_NAME) String admin3,
            @Size(max = RecordLimits.MAX_NAME) @Schema(example = "Azerbaijan") String country,
            @DecimalMin("-90.0") @DecimalMax("90.0") @Schema(example = "39.7583") Double latitude,
            @DecimalMin("-180.0") @DecimalMax("180.0") @Schema(example = "46.7485") Double longitude,
            @Schema(example = "EXACT") GeoPrecision geoPrecision) {
    }

    @Schema(name = "EventParticipant", description = "An actor involved in an event, in a role")
    public record Participant(
            @NotBlank @Size(max = RecordLimits.MAX_REFERENCE) @Schema(description = "Actor id or key", example = "AZE", required = true) String actor,
            @NotNull @Schema(example = "PERPETRATOR", required = true) ActorRole role) {
    }

    @Schema(name = "EventFatalities", description = "Fatality estimates, low ≤ best ≤ high")
    public record FatalitiesBody(@Min(0) @Schema(example = "30") Integer low,
                                 @Min(0) @Schema(example = "34") Integer best,
                                 @Min(0) @Schema(example = "36") Integer high) {
    }

    @Schema(name = "EventAction", description = "Why an event is confirmed, disputed or retracted")
    public record Action(
            @Size(max = RecordLimits.MAX_REASON) @Schema(example = "Confirmed by two independent sources") String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }
}
