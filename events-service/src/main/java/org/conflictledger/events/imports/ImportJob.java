package org.conflictledger.events.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A CSV import running in the background, or done. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportJob", description = "A CSV import that runs in the background: its progress, and its row report when done")
public record ImportJob(
        @Schema(description = "The job's id", example = "5b0a1c2e-8f7d-4a51-9a51-2f0c6a1d9e10") UUID id,
        @Schema(description = "RUNNING; DONE (see report); FAILED (see error); INTERRUPTED: the service stopped"
                + " while it ran, send the file again (rows already recorded are reported present)") State state,
        @Schema(description = "Rows in the file", example = "5000") int rows,
        @Schema(description = "Rows handled so far", example = "1250") int processed,
        @Schema(description = "Who imports", example = "analyst@example.org") String principal,
        @Schema(description = "When the job was started") Instant createdAt,
        @Schema(description = "When it last made progress") Instant updatedAt,
        @Schema(description = "What happened to each row, once DONE") ImportReport report,
        @Schema(description = "Why it FAILED") String error) {

    public enum State { RUNNING, DONE, FAILED, INTERRUPTED }
}
