package org.conflictledger.platform.release;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What cuts this service's part of a release; text, so that a bad instant is a 400 naming the field. */
@Schema(name = "ReleasePartRequest", description = "The instant the release freezes and why it is cut")
public record ReleaseRequest(
        @Schema(description = "The instant the release shows the record at (ISO 8601, not in the future)",
                example = "2020-12-31T23:59:59Z", required = true) String freezesAt,
        @Schema(description = "Why the release is cut (1 to 2000 characters)",
                example = "End of 2020, for the annual report", required = true) String note) {
}
