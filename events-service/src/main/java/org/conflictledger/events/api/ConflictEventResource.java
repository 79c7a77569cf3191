package org.conflictledger.events.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.api.formats.AcledCsv;
import org.conflictledger.events.api.formats.AcledCsvException;
import org.conflictledger.events.api.formats.AcledCsvLimitException;
import org.conflictledger.events.api.formats.AcledCsvReader;
import org.conflictledger.events.api.formats.AcledCsvWriter;
import org.conflictledger.events.api.formats.GeoJson;
import org.conflictledger.events.api.formats.ParsedRow;
import org.conflictledger.events.domain.ConfirmConflictEvent;
import org.conflictledger.events.domain.ConflictEventStatus;
import org.conflictledger.events.domain.CorrectConflictEvent;
import org.conflictledger.events.domain.DisputeConflictEvent;
import org.conflictledger.events.domain.ReportConflictEvent;
import org.conflictledger.events.domain.RetractConflictEvent;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.events.imports.CsvImport;
import org.conflictledger.events.imports.ImportClaim;
import org.conflictledger.events.imports.ImportJob;
import org.conflictledger.events.imports.ImportJobs;
import org.conflictledger.events.imports.ImportReport;
import org.conflictledger.events.query.ConflictEventFilter;
import org.conflictledger.events.query.ConflictEventProjection;
import org.conflictledger.events.query.ConflictEventQueries;
import org.conflictledger.events.query.ConflictEventView;
import org.conflictledger.events.write.EventsWriteConfiguration;
import org.conflictledger.platform.api.AuditContext;
import org.conflictledger.platform.api.Cursors;
import org.conflictledger.platform.api.HistoryPages;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.api.Patches;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.api.ProblemResponses;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.api.SourceCitation;
import org.conflictledger.platform.api.Writes;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.audit.ChainVerification;
import org.conflictledger.platform.audit.ReadModelCheck;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.idempotency.IdempotencyKeys;
import org.conflictledger.platform.idempotency.IdempotentRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The conflict event record over HTTP: report, read (now or as of an instant), list as JSON,
 * GeoJSON or ACLED-shaped CSV, correct, confirm, dispute, retract, import CSV, and the audit views.
 */
@Path("/api/v1/events")
@Tag(name = "Conflict events", description = "Who did what to whom, where and when: battles, strikes, ceasefires and their violations, talks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400",
        description = "Malformed JSON, an invalid field or parameter, or an unknown query parameter (named in errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConflictEventResource {
    private static final String EVENT_ID = "The conflict event's id";
    /** Idempotency-Keys of imports are their own: the same key may name a report and an import. */
    private static final String IMPORT_SCOPE = "event-import";

    private final Writes writes;
    private final ConflictEventQueries queries;
    private final ConflictEventMapping mapping;
    private final ActorDirectory actors;
    private final ConflictEventFilters filters;
    private final AuditTrail audit;
    private final ReadModels readModels;
    private final IdempotencyKeys idempotency;
    private final Patches patches;
    private final HistoryPages historyPages;
    private final CsvImport csvImport;
    private final Releases releases;
    private final ImportJobs importJobs;
    private final int synchronousImportRows;

    ConflictEventResource(Writes writes, ConflictEventQueries queries, ConflictEventMapping mapping,
                          ActorDirectory actors, ConflictEventFilters filters, AuditTrail audit, ReadModels readModels,
                          IdempotencyKeys idempotency, Patches patches, HistoryPages historyPages,
                          CsvImport csvImport, ImportJobs importJobs, Releases releases,
                          @ConfigProperty(name = "events.import.synchronous-rows", defaultValue = "1000")
                          int synchronousImportRows) {
        this.csvImport = csvImport;
        this.releases = releases;
        this.importJobs = importJobs;
        this.synchronousImportRows = synchronousImportRows;
        this.writes = writes;
        this.queries = queries;
        this.mapping = mapping;
        this.actors = actors;
        this.filters = filters;
        this.audit = audit;
        this.readModels = readModels;
        this.idempotency = idempotency;
        this.patches = patches;
        this.historyPages = historyPages;
    }

    @POST
    @Operation(operationId = "reportEvent", summary = "Report a conflict event",
            description = "Records a new conflict event. Actors are named by id or key and must exist (this service knows them from ledger.actors.v1). With an Idempotency-Key, a retried report answers with the first result instead of recording a duplicate.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ConflictEventRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken (e.g. a violation without an agreement), or the Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@Valid @NotNull ConflictEventRequests.Report body,
                           @Parameter(description = "Makes a retried report return the first result")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context HttpHeaders headers) {
        UUID newId = UUID.randomUUID();
        String id = idempotency.createOnce(EventsWriteConfiguration.RECORD.name(), idempotencyKey, body,
                newId.toString(), claim -> writes.send(new ReportConflictEvent(newId, mapping.details(body)),
                        writes.context(headers, body.reason(), body.sources()), claim));
        return created(UUID.fromString(id));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvent", summary = "Read a conflict event",
            description = "The event now, or with asOf as the record stood at that instant. ETag is the version.")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(implementation = ConflictEventRepresentation.class)))
    @APIResponse(responseCode = "404", description = "No such event (at that instant)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@Parameter(description = EVENT_ID) @PathParam("id") String idText,
                         @Parameter(description = "An instant (ISO 8601, UTC)", example = "2020-11-10T00:00:00Z")
                         @QueryParam("asOf") String asOf) {
        UUID id = eventId(idText);
        if (asOf == null) {
            ConflictEventView view = current(id);
            return Response.ok(mapping.representation(view, null)).tag(etag(view)).build();
        }
        Instant instant = QueryParameters.instant("asOf", asOf);
        ConflictEventView then = ConflictEventQueries.fold(audit.eventsUpTo(id.toString(), instant))
                .orElseThrow(() -> new RecordNotFound("conflict event", idText + " as of " + instant));
        return Response.ok(mapping.representation(then, instant)).tag(etag(then)).build();
    }

    @GET
    @Operation(operationId = "listEvents", summary = "List conflict events",
            description = "Events in date order (sort=date, or sort=-date for newest first), filtered by theater, type, actor and role, date range (events overlapping from..to), bounding box, agreement, ACLED id and text; a page at a time. With asOf, the list as it stood at that instant: the events recorded by then, filtered and shown with the values they had then. Accept application/geo+json for a GeoJSON FeatureCollection, text/csv for ACLED's column layout. A list that runs longer than the query timeout (10 s by default) is cancelled and answered 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "A page of events; Link rel=next when there is more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConflictEventRepresentation.EventPage.class)))
    public Response list(@BeanParam ConflictEventListQuery query, @Context UriInfo uri) {
        PageOfViews page = page(query);
        return new Page<>(mapping.representations(page.views(), page.asOf()), page.next()).toResponse(uri);
    }

    @GET
    @Produces(GeoJson.MEDIA_TYPE)
    @Operation(operationId = "listEvents", summary = "List conflict events as GeoJSON", description = "The same list as a GeoJSON FeatureCollection (next page in the Link header and in `next`).")
    public Response listGeoJson(@BeanParam ConflictEventListQuery query, @Context UriInfo uri) {
        PageOfViews page = page(query);
        ObjectNode collection = GeoJson.featureCollection(mapping.representations(page.views(), page.asOf()));
        collection.put("next", page.next());
        return withNextLink(Response.ok(collection, GeoJson.MEDIA_TYPE), page.next(), uri).build();
    }

    @GET
    @Produces(AcledCsv.MEDIA_TYPE)
    @Operation(operationId = "listEvents", summary = "List conflict events as ACLED-shaped CSV",
            description = "The same list in ACLED's column layout, followed by ledger_ columns that make an import of the file exact. The next page is in the Link header. A text cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is written with a leading ' so that it shows as text; an import takes the ' off again.")
    public Response listCsv(@BeanParam ConflictEventListQuery query, @Context UriInfo uri) {
        PageOfViews page = page(query);
        List<ConflictEventRepresentation> events = mapping.representations(page.views(), page.asOf());
        StreamingOutput csv = out -> AcledCsvWriter.write(events, out);
        return withNextLink(Response.ok(csv, AcledCsv.MEDIA_TYPE_UTF8), page.next(), uri).build();
    }

    @POST
    @Path("/{id}/corrections")
    @Operation(operationId = "correctEvent", summary = "Correct a conflict event",
            description = "Changes any fields of the event: each field given replaces that field (location and fatalities as a whole), with a reason. Fields not given stay as they are.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = ConflictEventRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken, or the event is retracted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@Parameter(description = EVENT_ID) @PathParam("id") String idText,
                            @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(description = "The fields to change, plus reason",
                                    content = @Content(schema = @Schema(implementation = ConflictEventRequests.Report.class)))
                            @NotNull ObjectNode body, @Context HttpHeaders headers) {
        UUID id = eventId(idText);
        ConflictEventView view = ConflictEventQueries.fold(audit.events(id.toString()))
                .orElseThrow(() -> new RecordNotFound("conflict event", idText));
        long expected = writes.expectedVersion(ifMatch, view.version);
        ConflictEventRequests.Report corrected = patches.patched(mapping.report(view.details()), body, ConflictEventRequests.Report.class);
        List<SourceCitation> citedForChange = body.has("sources") ? corrected.sources() : List.of();
        writes.send(new CorrectConflictEvent(id, expected, mapping.details(corrected)),
                writes.context(headers, corrected.reason(), citedForChange));
        return currentResponse(id);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmEvent", summary = "Confirm a conflict event", description = "Records that the event is confirmed (e.g. by further sources).")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = ConflictEventRepresentation.class)))
    public Response confirm(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ConflictEventRequests.Action body, @Context HttpHeaders headers) {
        UUID id = eventId(idText);
        writes.send(new ConfirmConflictEvent(id, writes.expectedVersion(ifMatch)),
                writes.context(headers, body.reason(), body.sources()));
        return currentResponse(id);
    }

    @POST
    @Path("/{id}/dispute")
    @Operation(operationId = "disputeEvent", summary = "Dispute a conflict event", description = "Records that the event is disputed.")
    @APIResponse(responseCode = "200", description = "Disputed", content = @Content(schema = @Schema(implementation = ConflictEventRepresentation.class)))
    public Response dispute(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ConflictEventRequests.Action body, @Context HttpHeaders headers) {
        UUID id = eventId(idText);
        writes.send(new DisputeConflictEvent(id, writes.expectedVersion(ifMatch)),
                writes.context(headers, body.reason(), body.sources()));
        return currentResponse(id);
    }

    @POST
    @Path("/{id}/retract")
    @Operation(operationId = "retractEvent", summary = "Retract a conflict event",
            description = "Withdraws the event from the record (never deleted: it stays readable with its history).")
    @APIResponse(responseCode = "200", description = "Retracted", content = @Content(schema = @Schema(implementation = ConflictEventRepresentation.class)))
    public Response retract(@PathParam("id") String idText, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ConflictEventRequests.Action body, @Context HttpHeaders headers) {
        UUID id = eventId(idText);
        writes.send(new RetractConflictEvent(id, writes.expectedVersion(ifMatch)),
                writes.context(headers, body.reason(), body.sources()));
        return currentResponse(id);
    }

    @POST
    @Path("/import")
    @Consumes({AcledCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Operation(operationId = "importEvents", summary = "Import an ACLED-shaped CSV file",
            description = "Validates every row and records each valid one as a new event; rows with errors are reported with their reasons and nothing of them is recorded. Rows already in the record are left alone (by ACLED event id, or, for a row without one, a row identical in every field imported before), so an import can be repeated or retried without recording anything twice. Actors are matched by key, name or alias. At most 10,000 rows and 10 MB. A file of more rows than events.import.synchronous-rows (1,000), or a request with Prefer: respond-async, is answered 202 at once with a job to poll at GET /api/v1/events/imports/{id}, so no client or gateway times out waiting. With an Idempotency-Key, a retry of the same request answers what the first one did: its report (200) once it is done, or its job (202) while it still runs or when it was asked for a job; the import is run again only if the first one FAILED or was INTERRUPTED.")
    @APIResponse(responseCode = "200", description = "What happened to each row", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "A large file (or Prefer: respond-async): the import runs in the background; poll the job at Location",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCsv(@Parameter(description = "Theater of rows that do not name one", example = "NAGORNO_KARABAKH")
                              @QueryParam("theater") String theaterText,
                              @Parameter(description = "Why the import is made") @QueryParam("reason") String reason,
                              @Parameter(description = "Makes a retried import answer with the first request's report or job")
                              @HeaderParam("Idempotency-Key") String idempotencyKey,
                              String csv, @Context HttpHeaders headers, @Context UriInfo uri) {
        Theater theater = QueryParameters.enumValue("theater", theaterText, Theater.class);
        IdempotentRequest idempotent = idempotency.request(IMPORT_SCOPE, idempotencyKey,
                new ImportRequest(theater, reason, csv), null);
        List<ParsedRow> rows;
        try {
            rows = AcledCsvReader.read(new StringReader(csv == null ? "" : csv), actors, theater);
        } catch (AcledCsvLimitException e) {
            return ProblemResponses.of(413, "too-large", "File too large", e.getMessage(), uri.getRequestUri().getRawPath());
        } catch (AcledCsvException e) {
            throw new InvalidRequest("line " + e.line(), e.getMessage());
        }
        AuditContext writer = writes.context(headers, null, List.of());
        boolean inBackground = rows.size() > synchronousImportRows || respondAsync(headers);
        if (idempotent == null) {
            return inBackground ? jobAccepted(importJobs.start(rows, reason, writer))
                    : Response.ok(csvImport.run(rows, reason, writer, done -> { })).build();
        }
        ImportClaim claim = importJobs.claim(idempotent, rows.size(), !inBackground, writer);
        if (!claim.claimed()) {
            return claim.synchronous() && claim.job().state() == ImportJob.State.DONE
                    ? Response.ok(claim.job().report()).build() : jobAccepted(claim.job());
        }
        return inBackground ? jobAccepted(importJobs.runInBackground(claim.job().id(), rows, reason, writer))
                : Response.ok(importJobs.runHere(claim.job().id(), rows, reason, writer)).build();
    }

    /** What an import's Idempotency-Key stands for: the same key with another file, theater or reason is a 409. */
    private record ImportRequest(Theater theater, String reason, String csv) {
    }

    private static Response jobAccepted(ImportJob job) {
        return Response.accepted(job).location(URI.create("/api/v1/events/imports/" + job.id())).build();
    }

    /** RFC 7240: {@code Prefer: respond-async} asks for a job even for a small file. */
    private static boolean respondAsync(HttpHeaders headers) {
        return headers.getRequestHeader("Prefer").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .anyMatch(preference -> preference.strip().equalsIgnoreCase("respond-async"));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getEventHistory", summary = "History of a conflict event",
            description = "Every recorded change, oldest first, with who made it, why, on which sources, and its hash-chain link.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(schema = @Schema(implementation = HistoryPages.HistoryPage.class)))
    public Response history(@Parameter(description = EVENT_ID) @PathParam("id") String idText,
                            @QueryParam("cursor") String cursor,
                            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") String limitText,
                            @Context UriInfo uri) {
        UUID id = eventId(idText);
        requireStored(id);
        return historyPages.page(EventsWriteConfiguration.RECORD, id.toString(), cursor, limitText).toResponse(uri);
    }

    @GET
    @Path("/{id}/verify")
    @Operation(operationId = "verifyEvent", summary = "Verify a conflict event's hash chain",
            description = ChainVerification.OPERATION_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(schema = @Schema(implementation = ChainVerification.class)))
    public ChainVerification verify(@Parameter(description = EVENT_ID) @PathParam("id") String idText) {
        UUID id = eventId(idText);
        requireStored(id);
        return audit.verify(EventsWriteConfiguration.RECORD.aggregateType(), id.toString(), events ->
                ReadModelCheck.sameJson(ConflictEventQueries.fold(events)
                                .map(view -> mapping.representation(view, null)).orElse(null),
                        mapping.representation(current(id), null)));
    }

    @POST
    @Path("/admin/read-model/rebuild")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rebuildEventReadModel", summary = "Rebuild the conflict event read model",
            description = "Empties the read model and replays every stored event into it. An administrative action."
                    + " With several replicas it runs on the replica that processes the read model;"
                    + " on another one it is refused with 409.")
    @APIResponse(responseCode = "409", description = "Another replica processes the read model:"
            + " send the request to it, or scale the service to one replica",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Still replaying after ledger.axon.rebuild-wait (100 s): the"
            + " replay goes on, and the same request again waits for it (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Rebuilt")
    public Map<String, Object> rebuild() {
        readModels.rebuild(ConflictEventProjection.PROCESSOR);
        return Map.of("readModel", ConflictEventProjection.PROCESSOR, "events", queries.count());
    }

    private PageOfViews page(ConflictEventListQuery query) {
        int limit = QueryParameters.limit(query.limit);
        ConflictEventFilter filter = filters.filter(query, sortDescending(query.sort),
                position(Cursors.decode(query.cursor)));
        Instant asOf = releases.listedAsOf(query.asOf, query.release);
        List<ConflictEventView> found = asOf == null ? queries.list(filter, limit + 1)
                : queries.listAsOf(filter, asOf, limit + 1);
        boolean more = found.size() > limit;
        List<ConflictEventView> views = found.stream().limit(limit).toList();
        String next = null;
        if (more) {
            ConflictEventView last = views.get(views.size() - 1);
            next = Cursors.encode(last.date + "|" + last.id);
        }
        return new PageOfViews(views, next, asOf);
    }

    /** One page of the list; {@code asOf} is the instant it was asked for, null for the list now. */
    private record PageOfViews(List<ConflictEventView> views, String next, Instant asOf) {
    }

    private static boolean sortDescending(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("date")) {
            return false;
        }
        if (sort.equals("-date")) {
            return true;
        }
        throw new InvalidRequest("sort", "must be date or -date");
    }

    private static ConflictEventFilter.Position position(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = cursor.split("\\|");
        try {
            return new ConflictEventFilter.Position(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidRequest("cursor", "is not a cursor this API returned");
        }
    }

    private Response created(UUID id) {
        ConflictEventView view = written(id);
        return Response.created(URI.create("/api/v1/events/" + id)).tag(etag(view))
                .entity(mapping.representation(view, null)).build();
    }

    private Response currentResponse(UUID id) {
        ConflictEventView view = written(id);
        return Response.ok(mapping.representation(view, null)).tag(etag(view)).build();
    }

    /**
     * The record after a write: from the read model once it has the write, else folded from the store (a write is
     * answered with what was recorded even when the read models did not catch up within the wait).
     */
    private ConflictEventView written(UUID id) {
        long stored = audit.storedVersion(id.toString());
        return queries.byId(id).filter(view -> view.version >= stored)
                .or(() -> ConflictEventQueries.fold(audit.events(id.toString())))
                .orElseThrow(() -> new RecordNotFound("conflict event", id.toString()));
    }

    /** History and verification read the store, so they answer for a record the read model does not show yet. */
    private void requireStored(UUID id) {
        if (audit.storedVersion(id.toString()) == 0) {
            throw new RecordNotFound("conflict event", id.toString());
        }
    }

    private ConflictEventView current(UUID id) {
        return queries.byId(id).orElseThrow(() -> new RecordNotFound("conflict event", id.toString()));
    }

    private static UUID eventId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFound("conflict event", text);
        }
    }

    private static Response.ResponseBuilder withNextLink(Response.ResponseBuilder response, String next, UriInfo uri) {
        if (next != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    + ">; rel=\"next\"");
        }
        return response;
    }

    private static EntityTag etag(ConflictEventView view) {
        return new EntityTag(Long.toString(view.version));
    }
}
