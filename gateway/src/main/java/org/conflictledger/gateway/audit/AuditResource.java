package org.conflictledger.gateway.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.gateway.routing.InvalidInput;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.conflictledger.gateway.routing.ServiceRoutes;
import org.conflictledger.gateway.security.QueryToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/audit}: the changes of every record of every service, newest first (see {@link AuditFanOut}). */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed what, when and why, across every record")
public class AuditResource {
    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Logger LOG = Logger.getLogger(AuditResource.class);
    private static final String PAGE_EXAMPLE = """
            {"items": [
              {"recordType": "agreement", "recordId": "9a7b3c1d-5e2f-4a6b-8c9d-0e1f2a3b4c5d", "sequence": 3, "version": 4,
               "type": "ledger.agreement.term-compliance-assessed.v1", "eventId": "c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
               "recordedAt": "2026-11-25T09:14:02.310Z", "principal": "analyst@example.org",
               "reason": "OSCE monitoring report", "correlationId": "assess-7", "causationId": "d3e5f7a9-2b4c-4d6e-9f0a-1b2c3d4e5f6a"},
              {"recordType": "actor", "recordId": "3f1c5d8e-2b7a-4c1e-9f0a-6d2b8e4a1c3f", "sequence": 1, "version": 2,
               "type": "ledger.actor.renamed.v1", "eventId": "5b0f6c1e-8d4a-4f43-9a57-2f7c3e1d9b20",
               "recordedAt": "2026-11-25T09:12:44.120Z", "principal": "analyst@example.org",
               "reason": "Official name since 2022", "correlationId": "rename-tur-1", "causationId": "0e6f1b7a-4c1d-4f3e-8a2b-9c5d7e1f3a20"}],
             "next": "eyJhc09mIjoiMjAyNi0xMS0yNVQxMDowMDowMFoiLCJhZnRlciI6eyJhY3RvciI6Ik1USXpOQSJ9fQ"}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "recordType: 'treaty' is not one of actor, event (or conflict-event), agreement",
             "instance": "/api/v1/audit?recordType=treaty",
             "errors": [{"field": "recordType", "message": "'treaty' is not one of actor, event (or conflict-event), agreement"}]}""";
    private static final String UNAVAILABLE_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:service-unavailable", "title": "Service unavailable", "status": 503,
             "detail": "events-service cannot be reached; try again shortly", "instance": "/api/v1/audit?principal=analyst%40example.org",
             "service": "events-service"}""";

    private final AuditFanOut fanOut;

    AuditResource(AuditFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ServiceProblems.MEDIA_TYPE})
    @Operation(operationId = "listAuditChanges", summary = "Changes across all records",
            description = "Every recorded change of every actor, conflict event and agreement, newest first by the time"
                    + " it was recorded (on equal times: actors, then conflict events, then agreements), with who made"
                    + " it and why. Filter by principal (exact match), by the time recorded (from inclusive, to"
                    + " exclusive) and by record type. The gateway asks the services' GET …/changes and merges them."
                    + " Page with the opaque cursor of next (also in Link rel=next); a listing holds still while you"
                    + " page: changes recorded after its first page are not added to it (start again to see them)."
                    + " Authorization and X-Correlation-Id are passed to the services. A service that cannot answer"
                    + " fails the page with its problem document naming it; the view never leaves a service out"
                    + " silently.")
    @APIResponse(responseCode = "200", description = "A page of changes; Link rel=next when there is more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter does not parse (named in errors[]: principal, from,"
            + " to, recordType, cursor or limit), or an unknown query parameter (named in errors[])",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "unknown record type", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "A service answered something the gateway cannot use (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", description = "A service cannot be reached (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "events-service down", value = UNAVAILABLE_EXAMPLE)))
    @APIResponse(responseCode = "504", description = "A service did not answer in time (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response audit(
            @Parameter(description = "Only changes made by this principal (exact match)", example = "analyst@example.org")
            @QueryParam("principal") String principal,
            @Parameter(description = "Only changes recorded at or after this instant (ISO 8601)",
                    example = "2026-11-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Only changes recorded before this instant (ISO 8601); must be after from",
                    example = "2026-12-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Only changes of these records: actor, event (conflict-event is accepted too),"
                    + " agreement; repeat it or give a comma list. All when absent", example = "actor,agreement")
            @QueryParam("recordType") List<String> recordType,
            @Parameter(description = "Cursor from the previous page's next") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Passed to the services") @HeaderParam("Authorization") String authorization,
            @Parameter(description = "Passed to the services and echoed; a new one when absent or unusable")
            @HeaderParam(CORRELATION_ID) String correlationId,
            @Context UriInfo uri) {
        String correlation = ServiceRoutes.correlationId(correlationId);
        String instance = QueryToken.removedFrom(uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
        AuditQuery query;
        try {
            query = AuditQuery.parse(uri.getQueryParameters().keySet(), principal, from, to, recordType, cursor, limit);
        } catch (InvalidInput e) {
            JsonObject problem = ServiceProblems.invalid(e.detail(), instance, e.json());
            return problem(400, problem.encode(), correlation);
        }
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put(CORRELATION_ID, correlation);
        if (authorization != null) {
            forwarded.put("Authorization", authorization);
        }
        try {
            AuditFanOut.Result page = fanOut.page(query, forwarded);
            JsonObject body = new JsonObject().put("items", new JsonArray(List.copyOf(page.items())))
                    .put("next", page.next());
            Response.ResponseBuilder response = Response.ok(body.encode(), MediaType.APPLICATION_JSON)
                    .header(CORRELATION_ID, correlation);
            if (page.next() != null) {
                response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build()
                        + ">; rel=\"next\"");
            }
            return response.build();
        } catch (ServiceFailure failure) {
            LOG.warnf("GET %s: %s; %d [%s]", instance, failure.getMessage(), failure.status(), correlation);
            String body = failure.body() != null && !failure.body().isBlank() ? failure.body()
                    : ServiceProblems.problem(failure.status(), failure.service(), instance).encode();
            return problem(failure.status(), body, correlation);
        }
    }

    private static Response problem(int status, String body, String correlation) {
        return Response.status(status).type(ServiceProblems.MEDIA_TYPE).entity(body).header(CORRELATION_ID, correlation)
                .build();
    }

    /** The shape of a page of the audit view, for the OpenAPI document. */
    @Schema(name = "AuditPage", description = "A page of changes across all records, newest first")
    public record AuditPage(
            @Schema(description = "The changes of this page") List<AuditChange> items,
            @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {
    }

    /** One item of the audit view, for the OpenAPI document. */
    @Schema(name = "AuditChange", description = "One recorded change of a record, with its audit metadata")
    public record AuditChange(
            @Schema(description = "actor, event (a conflict event) or agreement", example = "actor") String recordType,
            @Schema(description = "The changed record's id", example = "3f1c5d8e-2b7a-4c1e-9f0a-6d2b8e4a1c3f") String recordId,
            @Schema(description = "Zero-based position of the change in the record's history", example = "1") long sequence,
            @Schema(description = "The record's version after this change", example = "2") long version,
            @Schema(description = "Event type as published", example = "ledger.actor.renamed.v1") String type,
            @Schema(description = "Event identifier (the CloudEvent id)") String eventId,
            @Schema(description = "When the change was recorded (UTC)", example = "2026-11-25T09:12:44.120Z") String recordedAt,
            @Schema(description = "Who made the change", example = "analyst@example.org") String principal,
            @Schema(description = "Why the change was made") String reason,
            @Schema(description = "Shared by all changes of one request") String correlationId,
            @Schema(description = "The message that caused this change") String causationId) {
    }

    /** RFC 9457 problem details as the gateway answers them, for the OpenAPI document. */
    @Schema(name = "Problem", description = "RFC 9457 problem details")
    public record ProblemDocument(
            @Schema(example = "urn:conflict-ledger:problem:service-unavailable") String type,
            @Schema(example = "Service unavailable") String title,
            @Schema(example = "503") int status,
            String detail,
            String instance,
            @Schema(description = "The service that could not answer, for a 502, 503 or 504", example = "events-service") String service,
            @Schema(description = "The fields at fault, for a 400") List<Map<String, String>> errors) {
    }
}
