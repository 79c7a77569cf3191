package org.conflictledger.events.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.conflictledger.events.imports.ImportJob;
import org.conflictledger.events.imports.ImportJobs;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.api.RecordNotFound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** {@code GET /api/v1/events/imports/{id}}: a CSV import that runs in the background (see {@link ImportJobs}). */
@Path("/api/v1/events/imports")
@Tag(name = "Conflict events")
@Produces(MediaType.APPLICATION_JSON)
public class ImportJobResource {
    private final ImportJobs jobs;

    ImportJobResource(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEventImport", summary = "An import's progress and row report",
            description = "A CSV import answered with 202 runs in the background: poll this until its state is DONE"
                    + " (the report says what happened to each row), FAILED or INTERRUPTED (send the file again: rows"
                    + " already recorded are reported present, nothing is recorded twice).")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJob job(@Parameter(description = "The import's id, from the 202 answer's Location")
                         @PathParam("id") String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("id", "must be a UUID");
        }
        return jobs.find(id).orElseThrow(() -> new RecordNotFound("import", idText));
    }
}
