package org.conflictledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of recomputing a record's hash chain from the stored events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ChainVerification", description = "Result of checking a record's hash chain, its stored columns and its leaves in the transparency log")
public record ChainVerification(
        @Schema(description = "True when every check holds") boolean valid,
        @Schema(description = "Number of events checked", example = "3") long events,
        @Schema(description = "The hash of the last event (the chain's head)") String head,
        @Schema(description = "Sequence number of the first event that does not match") Long brokenAt,
        @Schema(description = "What is wrong at brokenAt") String problem,
        @Schema(description = "How many of the record's events the service's transparency log holds (the log's"
                + " processor appends them moments after each write); each was checked against its leaf",
                example = "3") long inTransparencyLog,
        @Schema(description = "The record's read model against its events: matches, differs, or not checked (when it"
                + " has not caught up with the store within the wait; ask again)", example = "matches") String readModel) {

    /** What a service's {@code GET …/{id}/verify} checks, for its OpenAPI description. */
    public static final String OPERATION_DESCRIPTION = "Checks the record as stored: every link of its hash chain"
            + " recomputed from the stored events, each event's stored time against the time it was hashed with,"
            + " rows under its id that claim another record type, each event against its leaf in the service's"
            + " transparency log (a deleted or cut-off event leaves its leaf behind), its snapshot against the state"
            + " its events give, and its read model against them. valid is false, with brokenAt and problem, at the"
            + " first thing that does not hold. Checking against checkpoints saved outside the service (./ledger"
            + " verify) also catches an insider who rewrote the record and everything derived from it.";

    static ChainVerification intact(long events, String head, long inLog) {
        return new ChainVerification(true, events, head, null, null, inLog, null);
    }

    static ChainVerification broken(long events, String head, long at, String problem, long inLog) {
        return new ChainVerification(false, events, head, at, problem, inLog, null);
    }

    /** This result, but broken at {@code at} for {@code why} (a check after the chain's). */
    ChainVerification brokenAt(long at, String why) {
        return new ChainVerification(false, events, head, at, why, inTransparencyLog, readModel);
    }

    /** This result, with what the check of the read model found. */
    ChainVerification withReadModel(String finding) {
        return new ChainVerification(valid, events, head, brokenAt, problem, inTransparencyLog, finding);
    }
}
