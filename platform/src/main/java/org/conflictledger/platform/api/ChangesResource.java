package org.conflictledger.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET <collection>/changes}: every recorded change of every record the service keeps, newest first, by
 * principal, time and record type. A service adds it with a subclass that names its collection and tag:
 * <pre>{@code
 * @Path("/api/v1/actors") @Tag(name = "Actors")
 * public class ActorChangesResource extends ChangesResource {
 *     ActorChangesResource(ChangePages pages) { super(pages); }
 * }
 * }</pre>
 * The literal segment {@code changes} takes precedence over a {@code /{id}} template of the same collection
 * (JAX-RS prefers literal characters); ids are UUIDs and keys upper case, so no record is hidden by it.
 */
public abstract class ChangesResource {
    private static final String PAGE_EXAMPLE = """
            {"items": [{"recordType": "actor", "recordId": "3f1c5d8e-2b7a-4c1e-9f0a-6d2b8e4a1c3f", "sequence": 1,
              "version": 2, "type": "ledger.actor.renamed.v1", "eventId": "5b0f6c1e-8d4a-4f43-9a57-2f7c3e1d9b20",
              "recordedAt": "2026-11-25T09:12:44.120Z", "principal": "analyst@example.org",
              "reason": "Official name since 2022", "correlationId": "rename-tur-1",
              "causationId": "0e6f1b7a-4c1d-4f3e-8a2b-9c5d7e1f3a20", "cursor": "MTIzNA"}],
             "next": "MTIzNA"}""";
    private static final String PROBLEM_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "from: must be an instant (ISO 8601, e.g. 2020-11-10T00:00:00Z)", "instance": "/api/v1/actors/changes",
             "errors": [{"field": "from", "message": "must be an instant (ISO 8601, e.g. 2020-11-10T00:00:00Z)"}]}""";

    private final ChangePages pages;

    protected ChangesResource(ChangePages pages) {
        this.pages = pages;
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "list{Record}Changes", summary = "Changes across all records",
            description = "Every recorded change of every record this service keeps, newest first (in the order the"
                    + " store recorded them), with who made it and why: the service's part of the cross-record audit"
                    + " view GET /api/v1/audit. Filter by principal (exact), by the time the change was recorded (from"
                    + " inclusive, to exclusive) and by record type. Pages with cursor and limit; each item also carries"
                    + " the cursor that continues right after it. A page may hold fewer items than limit while next is"
                    + " set when a sparse principal filter made the service read its per-request maximum of stored"
                    + " events: follow next until it is null.")
    @APIResponse(responseCode = "200", description = "A page of changes; Link rel=next when there is more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangePage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter does not parse or is unknown (named in errors[]; the"
            + " parameters are principal, from, to, recordType, cursor and limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad from", value = PROBLEM_EXAMPLE)))
    public Response changes(
            @Parameter(description = "Only changes made by this principal (exact match)", example = "analyst@example.org")
            @QueryParam("principal") String principal,
            @Parameter(description = "Only changes recorded at or after this instant (ISO 8601)",
                    example = "2026-11-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Only changes recorded before this instant (ISO 8601); must be after from",
                    example = "2026-12-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Only changes of this record type (a comma list of the types this service keeps)")
            @QueryParam("recordType") String recordType,
            @Parameter(description = "Cursor from the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        return pages.page(principal, from, to, recordType, cursor, limit).toResponse(uri);
    }

    /** The shape of a page of changes, for the OpenAPI document. */
    @Schema(name = "ChangePage", description = "A page of changes, newest first")
    public record ChangePage(
            @Schema(description = "The changes of this page") java.util.List<org.conflictledger.platform.audit.Change> items,
            @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {
    }
}
