package org.conflictledger.events.imports;

import org.conflictledger.platform.api.Problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What an import did with each row of the file. */
@Schema(name = "ImportReport", description = "The outcome of importing a CSV file, row by row")
public record ImportReport(
        @Schema(description = "Rows recorded as new events", example = "12") int accepted,
        @Schema(description = "Rows already in the record, left alone: by ACLED event id, or identical to a row imported before", example = "0") int present,
        @Schema(description = "Rows refused, with the reasons; none of them was recorded") List<RejectedRow> rejected,
        @Schema(description = "Ids of the events created, in file order") List<UUID> created) {

    @Schema(name = "RejectedRow")
    public record RejectedRow(@Schema(description = "Line in the file (the header is line 1)", example = "7") int line,
                              List<FieldError> errors) {
    }
}
