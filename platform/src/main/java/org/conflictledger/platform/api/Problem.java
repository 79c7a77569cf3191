package org.conflictledger.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", example = "urn:conflict-ledger:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(description = "HTTP status", example = "400") int status,
        @Schema(description = "What went wrong in this case") String detail,
        @Schema(description = "The request path", example = "/api/v1/actors") String instance,
        @Schema(description = "The broken rule, for a 409") String rule,
        @Schema(description = "The fields at fault, for a 400") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:conflict-ledger:problem:";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the field in the request", example = "name") String field,
            @Schema(description = "What is wrong with it", example = "must not be blank") String message) {
    }
}
