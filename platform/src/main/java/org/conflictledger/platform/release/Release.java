package org.conflictledger.platform.release;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A service's part of a named release: one collection as it stood at the release's instant, with the hash of its
 * canonical export then. The gateway's {@code /api/v1/releases} joins the parts of the three services.
 */
@Schema(name = "ReleasePart", description = "One collection's part of a named release: the instant it freezes, who"
        + " cut it and why, and the SHA-256 of the collection's canonical export at that instant")
public record Release(
        @Schema(description = "The release's name", example = "2020-12") String name,
        @Schema(description = "The collection this part covers", example = "events") String collection,
        @Schema(description = "The instant the release shows the record at", example = "2020-12-31T23:59:59Z")
        Instant freezesAt,
        @Schema(description = "Why the release was cut", example = "End of 2020, for the annual report") String note,
        @Schema(description = "Who cut it", example = "admin@example.org") String cutBy,
        @Schema(description = "When it was cut", example = "2026-12-07T22:10:00.123456Z") Instant cutAt,
        @Schema(description = "sha256:<hex> of the canonical export at freezesAt, exactly the bytes of export",
                example = "sha256:9f2c…") String contentHash,
        @Schema(description = "Records in the canonical export", example = "1234") long records,
        @Schema(description = "Where the canonical export of the release is downloaded; its Ledger-Content-Hash is"
                + " contentHash", example = "/api/v1/events/exports/canonical?release=2020-12") String export) {
}
