package org.conflictledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of recomputing a record's hash chain from the stored events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ChainVerification", description = "Result of checking a record's hash chain")
public record ChainVerification(
        @Schema(description = "True when every stored event matches its recorded link") boolean valid,
        @Schema(description = "Number of events checked", example = "3") long events,
        @Schema(description = "The hash of the last event (the chain's head)") String head,
        @Schema(description = "Sequence number of the first event that does not match") Long brokenAt,
        @Schema(description = "What is wrong at brokenAt") String problem) {

    static ChainVerification intact(long events, String head) {
        return new ChainVerification(true, events, head, null, null);
    }

    static ChainVerification broken(long events, String head, long at, String problem) {
        return new ChainVerification(false, events, head, at, problem);
    }
}
