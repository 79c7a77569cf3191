package org.conflictledger.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conflictledger.contracts.RecordLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A source supporting a change of the record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SourceCitation", description = "A source supporting a change")
public record SourceCitation(
        @NotBlank @Size(max = RecordLimits.MAX_SOURCE_TITLE)
        @Schema(description = "Title of the document", required = true, example = "Russia and Turkey: Competition in Syria, Libya and Nagorno-Karabakh")
        String title,
        @Size(max = RecordLimits.MAX_PUBLISHER)
        @Schema(description = "Who published it", example = "Seed document")
        String publisher,
        @Size(max = RecordLimits.MAX_URL) @Pattern(regexp = RecordLimits.URL, message = RecordLimits.URL_RULE)
        @Schema(description = "Where to read it", example = "https://example.org/report.pdf")
        String url,
        @Schema(description = "Publication date", example = "2020-12-01")
        LocalDate date) {
}
