package org.conflictledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change of any record of a service, with who made it and why: an item of the cross-record audit view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Change", description = "One recorded change of a record, with its audit metadata")
public record Change(
        @Schema(description = "The kind of record changed: actor, event (a conflict event) or agreement",
                example = "actor") String recordType,
        @Schema(description = "The changed record's id", example = "3f1c5d8e-2b7a-4c1e-9f0a-6d2b8e4a1c3f") String recordId,
        @Schema(description = "Zero-based position of the change in the record's history", example = "1") long sequence,
        @Schema(description = "The record's version after this change", example = "2") long version,
        @Schema(description = "Event type as published", example = "ledger.actor.renamed.v1") String type,
        @Schema(description = "Event identifier (the CloudEvent id)", example = "5b0f6c1e-8d4a-4f43-9a57-2f7c3e1d9b20")
        String eventId,
        @Schema(description = "When the change was recorded (UTC, millisecond precision)",
                example = "2026-11-25T09:12:44.120Z") Instant recordedAt,
        @Schema(description = "Who made the change", example = "analyst@example.org") String principal,
        @Schema(description = "Why the change was made", example = "Official name since 2022") String reason,
        @Schema(description = "Shared by all changes of one request", example = "rename-tur-1") String correlationId,
        @Schema(description = "The message that caused this change") String causationId,
        @Schema(description = "Opaque cursor that continues the listing right after this change (same filters)",
                example = "MTIzNA") String cursor) {
}
