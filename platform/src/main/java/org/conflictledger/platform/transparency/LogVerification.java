package org.conflictledger.platform.transparency;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of checking a whole log against the event store and its newest signed checkpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LogVerification", description = "Result of checking the transparency log against the store and its"
        + " signed checkpoints")
public record LogVerification(
        @Schema(description = "True when every check holds") boolean valid,
        @Schema(description = "Entries the log holds") long entries,
        @Schema(description = "Tree size of the newest checkpoint checked (every signed checkpoint's root is recomputed"
                + " from the stored leaves and its signature checked)") Long checkpointSize,
        @Schema(description = "Stored events the log's processor has not appended yet") long notYetLogged,
        @Schema(description = "Position of the first entry that does not hold") Long brokenAt,
        @Schema(description = "What is wrong") String problem) {
}
