package org.conflictledger.agreements.api;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.agreements.domain.AgreementState;
import org.conflictledger.agreements.domain.ChangeAgreementStatus;
import org.conflictledger.agreements.domain.CorrectAgreement;
import org.conflictledger.agreements.domain.RecordAgreement;
import org.conflictledger.agreements.domain.TermSchedule;
import org.conflictledger.agreements.query.AgreementFilter;
import org.conflictledger.agreements.query.AgreementProjection;
import org.conflictledger.agreements.query.AgreementQueries;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.agreements.write.AgreementsWriteConfiguration;
import org.conflictledger.platform.api.Cursors;
import org.conflictledger.platform.api.HistoryPages;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.api.Patches;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.api.SourceCitation;
import org.conflictledger.platform.api.Writes;
import org.conflictledger.platform.audit.ChainVerification;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.idempotency.IdempotencyKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Agreements over HTTP: record, read (now or as of an instant), list, correct, change status, the
 * schedule of terms with a duration, and the audit views. Terms have their own resource.
 */
@Path("/api/v1/agreements")
@Tag(name = "Agreements", description = "Agreements and their terms, with term-by-term compliance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400",
        description = "Malformed JSON, an invalid field or parameter, or an unknown query parameter (named in errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgreementResource {
    static final String AGREEMENT_ID = "The agreement's id";

    private final Writes writes;
    private final AgreementRecords records;
    private final AgreementQueries queries;
    private final AgreementMapping mapping;
    private final AgreementFilters filters;
    private final ReadModels readModels;
    private final IdempotencyKeys idempotency;
    private final Patches patches;
    private final HistoryPages historyPages;
    private final Releases releases;

    AgreementResource(Writes writes, AgreementRecords records, AgreementQueries queries, AgreementMapping mapping,
                      AgreementFilters filters, ReadModels readModels, IdempotencyKeys idempotency, Patches patches,
                      HistoryPages historyPages, Releases releases) {
        this.releases = releases;
        this.writes = writes;
        this.records = records;
        this.queries = queries;
        this.mapping = mapping;
        this.filters = filters;
        this.readModels = readModels;
        this.idempotency = idempotency;
        this.patches = patches;
        this.historyPages = historyPages;
    }

    @POST
    @Operation(operationId = "recordAgreement", summary = "Record an agreement",
            description = "Records a new agreement. Signatories and witnesses are named by id or key and must exist (this service knows actors from ledger.actors.v1); superseded and complemented agreements must be in the record. With an Idempotency-Key, a retried request answers with the first result.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Agreement.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken (e.g. in force without an in-force instant), or the Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull AgreementRequests.Record body,
                           @Parameter(description = "Makes a retried request return the first result")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context HttpHeaders headers) {
        UUID newId = UUID.randomUUID();
        String id = idempotency.createOnce(AgreementsWriteConfiguration.RECORD.name(), idempotencyKey, body,
                newId.toString(), claim -> writes.send(new RecordAgreement(newId, mapping.details(body), body.status()),
                        writes.context(headers, body.reason(), body.sources()), claim));
        return created(UUID.fromString(id));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAgreement", summary = "Read an agreement",
            description = "The agreement now, or with asOf as the record stood at that instant. ETag is the version.")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Agreement.class)))
    @APIResponse(responseCode = "404", description = "No such agreement (at that instant)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@Parameter(description = AGREEMENT_ID) @PathParam("id") String idText,
                         @Parameter(description = "An instant (ISO 8601, UTC)", example = "2020-11-15T00:00:00Z")
                         @QueryParam("asOf") String asOf) {
        Instant instant = QueryParameters.instant("asOf", asOf);
        AgreementView view = records.view(AgreementRecords.id(idText), instant);
        return Response.ok(mapping.representation(view, instant)).tag(AgreementRecords.etag(view)).build();
    }

    @GET
    @Operation(operationId = "listAgreements", summary = "List agreements",
            description = "Agreements in signing order (unsigned ones last), filtered by theater, status, kind, signatory, in force at an instant, and text; a page at a time. With asOf, the list as it stood at that instant: the agreements recorded by then, filtered and shown with the values they had then.")
    @APIResponse(responseCode = "200", description = "A page of agreements; Link rel=next when there is more",
            content = @Content(schema = @Schema(implementation = AgreementRepresentations.AgreementPage.class)))
    public Response list(@BeanParam AgreementListQuery query, @Context UriInfo uri) {
        int limit = QueryParameters.limit(query.limit);
        AgreementFilter filter = filters.filter(query).startingAfter(position(Cursors.decode(query.cursor)));
        Instant asOf = releases.listedAsOf(query.asOf, query.release);
        List<AgreementView> found = asOf == null ? queries.list(filter, limit + 1)
                : queries.listAsOf(filter, asOf, limit + 1);
        List<AgreementView> views = found.stream().limit(limit).toList();
        String next = null;
        if (found.size() > limit) {
            AgreementView last = views.get(views.size() - 1);
            next = Cursors.encode((last.signedOn == null ? "-" : last.signedOn.toString()) + "|" + last.id);
        }
        return new Page<>(views.stream().map(v -> mapping.representation(v, asOf)).toList(), next).toResponse(uri);
    }

    @POST
    @Path("/{id}/corrections")
    @APIResponse(responseCode = "404", description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "correctAgreement", summary = "Correct an agreement",
            description = "Changes any of the agreement's fields: each field given replaces that field, with a reason. Fields not given stay as they are. The status changes through /status.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Agreement.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@Parameter(description = AGREEMENT_ID) @PathParam("id") String idText,
                            @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(description = "The fields to change, plus reason",
                                    content = @Content(schema = @Schema(implementation = AgreementRequests.Record.class)))
                            @NotNull ObjectNode body, @Context HttpHeaders headers) {
        UUID id = AgreementRecords.id(idText);
        AgreementView stored = records.stored(id);
        long expected = writes.expectedVersion(ifMatch, stored.version);
        AgreementState state = stored.state();
        if (body.has("status")) {
            throw new InvalidRequest("status", "changes through POST /api/v1/agreements/{id}/status");
        }
        AgreementRequests.Record corrected = patches.patched(mapping.record(state.details()), body, AgreementRequests.Record.class);
        Set<UUID> named = new HashSet<>(state.details().signatories());
        named.addAll(state.details().witnesses());
        List<SourceCitation> citedForChange = body.has("sources") ? corrected.sources() : List.of();
        writes.send(new CorrectAgreement(id, expected, mapping.details(corrected, named)),
                writes.context(headers, corrected.reason(), citedForChange));
        return records.currentResponse(id);
    }

    @POST
    @Path("/{id}/status")
    @APIResponse(responseCode = "404", description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "changeAgreementStatus", summary = "Change an agreement's status",
            description = "Moves the agreement to another status from an instant on (default now): SIGNED, IN_FORCE, SUSPENDED (and back to IN_FORCE), TERMINATED or SUPERSEDED, the last two final.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Agreement.class)))
    @APIResponse(responseCode = "409", description = "The move is not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@Parameter(description = AGREEMENT_ID) @PathParam("id") String idText,
                                 @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull AgreementRequests.StatusChange body, @Context HttpHeaders headers) {
        UUID id = AgreementRecords.id(idText);
        Long expected = writes.expectedVersion(ifMatch);
        records.current(id);
        Instant effectiveAt = body.effectiveAt() == null ? Instant.now() : TimeBounds.instant("effectiveAt", body.effectiveAt());
        writes.send(new ChangeAgreementStatus(id, expected, body.status(), effectiveAt),
                writes.context(headers, body.reason(), body.sources()));
        return records.currentResponse(id);
    }

    @GET
    @Path("/{id}/schedule")
    @APIResponse(responseCode = "404", description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getAgreementSchedule", summary = "Schedule of an agreement's terms",
            description = "For each term with a duration, at an instant (default now): the period running, when it expires, when the window to object to its renewal closes, how often it has renewed and whether it will renew. Periods are counted in the agreement's time zone from its entry into force.")
    @APIResponse(responseCode = "200", description = "The schedule", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Schedule.class)))
    public AgreementRepresentations.Schedule schedule(@Parameter(description = AGREEMENT_ID) @PathParam("id") String idText,
                                                      @Parameter(description = "An instant (ISO 8601, UTC); a day means its start in the agreement's time zone", example = "2026-12-01T00:00:00Z")
                                                      @QueryParam("at") String atText) {
        UUID id = AgreementRecords.id(idText);
        AgreementState state = records.current(id).state();
        Instant at = AgreementRecords.instantOrDay("at", atText, state.zone());
        Instant when = at == null ? Instant.now() : at;
        List<TermSchedule> items = state.terms().stream().filter(t -> t.details().duration() != null)
                .map(t -> TermSchedule.of(state, t, when)).toList();
        return new AgreementRepresentations.Schedule(id, when, items);
    }

    @GET
    @Path("/{id}/history")
    @APIResponse(responseCode = "404", description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getAgreementHistory", summary = "History of an agreement",
            description = "Every recorded change of the agreement and its terms, oldest first, with who made it, why, on which sources, what caused it, and its hash-chain link.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(schema = @Schema(implementation = AgreementRepresentations.HistoryPage.class)))
    public Response history(@Parameter(description = AGREEMENT_ID) @PathParam("id") String idText,
                            @QueryParam("cursor") String cursor,
                            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") String limitText,
                            @Context UriInfo uri) {
        UUID id = AgreementRecords.id(idText);
        records.requireStored(id);
        return historyPages.page(AgreementsWriteConfiguration.RECORD, id.toString(), cursor, limitText).toResponse(uri);
    }

    @GET
    @Path("/{id}/verify")
    @APIResponse(responseCode = "404", description = "No such agreement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "verifyAgreement", summary = "Verify an agreement's hash chain",
            description = ChainVerification.OPERATION_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(schema = @Schema(implementation = ChainVerification.class)))
    public ChainVerification verify(@Parameter(description = AGREEMENT_ID) @PathParam("id") String idText) {
        UUID id = AgreementRecords.id(idText);
        records.requireStored(id);
        return records.verify(id);
    }

    @POST
    @Path("/admin/read-model/rebuild")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rebuildAgreementReadModel", summary = "Rebuild the agreement read model",
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
        readModels.rebuild(AgreementProjection.PROCESSOR);
        return Map.of("readModel", AgreementProjection.PROCESSOR, "agreements", queries.count());
    }

    private Response created(UUID id) {
        AgreementView view = records.written(id);
        return Response.created(URI.create("/api/v1/agreements/" + id)).tag(AgreementRecords.etag(view))
                .entity(mapping.representation(view, null)).build();
    }

    private static AgreementFilter.Position position(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = cursor.split("\\|");
        try {
            return new AgreementFilter.Position(parts[0].equals("-") ? null : LocalDate.parse(parts[0]),
                    UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidRequest("cursor", "is not a cursor this API returned");
        }
    }
}
