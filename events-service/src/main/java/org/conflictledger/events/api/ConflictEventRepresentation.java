package org.conflictledger.events.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventStatus;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.Location;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A conflict event as the API answers it (now, or as of an instant), with its actors named. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ConflictEvent", description = "A conflict event as the record says")
public record ConflictEventRepresentation(
        UUID id,
        Theater theater,
        ConflictEventType type,
        AcledSubType subType,
        @Schema(example = "2020-09-27") LocalDate date,
        DatePrecision datePrecision,
        LocalDate endDate,
        Location location,
        List<Participant> actors,
        Fatalities fatalities,
        String notes,
        Double confidence,
        @Schema(description = "The agreement a violation concerns") UUID agreement,
        @Schema(description = "The term of that agreement") String term,
        @Schema(description = "The event this one responds to") UUID respondsTo,
        List<Citation> sources,
        @Schema(description = "ACLED's event_id_cnty, when known") String acledEventId,
        @Schema(description = "UCDP GED id, when known") String ucdpGedId,
        @Schema(description = "Every identifier of the event in other datasets, sorted by scheme, then value:"
                + " acled:<acledEventId> and ucdp-ged:<ucdpGedId> too; search with externalId=scheme:value")
        List<ExternalIdentifier> externalIds,
        ConflictEventStatus status,
        @Schema(description = "Number of recorded changes; the ETag", example = "1") long version,
        Instant reportedAt,
        Instant updatedAt,
        @Schema(description = "Set when the event is shown as of an earlier instant") Instant asOf) {

    /** An actor involved in the event, in a role, with its current key and name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Participant")
    public record Participant(UUID actor, @Schema(example = "TUR") String key, @Schema(example = "Turkey") String name,
                              ActorRole role) {
    }

    @Schema(name = "ConflictEventPage", description = "A page of conflict events")
    public record EventPage(List<ConflictEventRepresentation> items,
                            @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {
    }
}
