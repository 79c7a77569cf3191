package org.conflictledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.platform.api.SourceCitation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change of a record, with who made it, why, on which sources, and its hash-chain link. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HistoryEntry", description = "One change of a record with its audit metadata")
public record HistoryEntry(
        @Schema(description = "Zero-based position in the record's history", example = "0") long sequence,
        @Schema(description = "The record's version after this change", example = "1") long version,
        @Schema(description = "Event type as published", example = "ledger.actor.registered.v1") String type,
        @Schema(description = "Event identifier (the CloudEvent id)") String eventId,
        @Schema(description = "When the change was recorded") Instant recordedAt,
        @Schema(description = "Who made the change", example = "analyst@example.org") String principal,
        @Schema(description = "Why the change was made") String reason,
        @Schema(description = "Citations supporting the change", type = SchemaType.ARRAY,
                implementation = SourceCitation.class) JsonNode sources,
        @Schema(description = "Shared by all changes of one request") String correlationId,
        @Schema(description = "The message that caused this change") String causationId,
        @Schema(description = "Hash-chain link (hex SHA-256)") String hash,
        @Schema(description = "The event's data, as the event type defines it", type = SchemaType.OBJECT,
                implementation = Object.class) JsonNode payload) {
}
