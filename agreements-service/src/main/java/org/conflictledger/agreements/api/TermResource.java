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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.agreements.domain.AddTerm;
import org.conflictledger.agreements.domain.AgreementState;
import org.conflictledger.agreements.domain.AssessTermCompliance;
import org.conflictledger.agreements.domain.CorrectTerm;
import org.conflictledger.agreements.domain.ObjectToTermRenewal;
import org.conflictledger.agreements.domain.TermState;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.platform.api.Cursors;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.api.Patches;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.api.SourceCitation;
import org.conflictledger.platform.api.Writes;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The terms of an agreement over HTTP: add, read (with compliance and whether overdue at an
 * instant), list with filters, correct, assess compliance, object to a renewal.
 * Every write takes the agreement's ETag in If-Match.
 */
@Path("/api/v1/agreements/{id}/terms")
@Tag(name = "Agreement terms", description = "Terms of agreements: deadlines, durations, quantities and compliance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400",
        description = "Malformed JSON, an invalid field or parameter, or an unknown query parameter (named in errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such agreement or term",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TermResource {
    private static final String TERM_ID = "The term's id";
    private static final String TERM_SCOPE = "agreement-term";

    private final Writes writes;
    private final AgreementRecords records;
    private final AgreementMapping mapping;
    private final IdempotencyKeys idempotency;
    private final Patches patches;
    private final Releases releases;

    TermResource(Writes writes, AgreementRecords records, AgreementMapping mapping, IdempotencyKeys idempotency,
                 Patches patches, Releases releases) {
        this.releases = releases;
        this.writes = writes;
        this.records = records;
        this.mapping = mapping;
        this.idempotency = idempotency;
        this.patches = patches;
    }

    @POST
    @Operation(operationId = "addTerm", summary = "Add a term to an agreement",
            description = "Adds a term (provision). Obligated actors and beneficiaries are named by id or key; conditions name other terms of the agreement by id or order. With an Idempotency-Key, a retried request answers with the first result.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Term.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken (e.g. the order is taken)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@Parameter(description = AgreementResource.AGREEMENT_ID) @PathParam("id") String idText,
                        @HeaderParam("If-Match") String ifMatch,
                        @Parameter(description = "Makes a retried request return the first result")
                        @HeaderParam("Idempotency-Key") String idempotencyKey,
                        @Valid @NotNull AgreementRequests.Term body, @Context HttpHeaders headers) {
        UUID id = AgreementRecords.id(idText);
        Long expected = writes.expectedVersion(ifMatch);
        AgreementState agreement = records.current(id).state();
        UUID newTermId = UUID.randomUUID();
        String termId = idempotency.createOnce(TERM_SCOPE, idempotencyKey, new NewTerm(id, body),
                newTermId.toString(), claim -> writes.send(new AddTerm(id, expected, newTermId, mapping.term(body, agreement, Set.of())),
                        writes.context(headers, body.reason(), body.sources()), claim));
        return created(id, UUID.fromString(termId));
    }

    @GET
    @Operation(operationId = "listTerms", summary = "List an agreement's terms",
            description = "The terms in their order, with their compliance and whether overdue at an instant (now by default; overdueAt or at to choose), filtered by category, compliance status, obligated actor and overdue; asOf shows them as the record stood then.")
    @APIResponse(responseCode = "200", description = "A page of terms",
            content = @Content(schema = @Schema(implementation = AgreementRepresentations.TermPage.class)))
    public Response list(@Parameter(description = AgreementResource.AGREEMENT_ID) @PathParam("id") String idText,
                         @BeanParam TermListQuery query, @Context UriInfo uri) {
        UUID id = AgreementRecords.id(idText);
        int limit = QueryParameters.limit(query.limit);
        Instant asOf = releases.listedAsOf(query.asOf, query.release);
        AgreementView view = records.view(id, asOf);
        AgreementState agreement = view.state();
        Instant overdueAt = AgreementRecords.instantOrDay("overdueAt", query.overdueAt, agreement.zone());
        Instant givenAt = AgreementRecords.instantOrDay("at", query.at, agreement.zone());
        Instant at = givenAt != null ? givenAt : overdueAt != null ? overdueAt : Instant.now();
        TermCategory category = QueryParameters.enumValue("category", query.category, TermCategory.class);
        ComplianceStatus status = QueryParameters.enumValue("status", query.status, ComplianceStatus.class);
        UUID obligated = query.obligated == null ? null : mapping.actorIdForFilter(query.obligated, "obligated");
        int after = afterOrder(Cursors.decode(query.cursor));
        Stream<TermState> terms = agreement.terms().stream().filter(t -> t.details().order() > after);
        if (overdueAt != null) {
            terms = terms.filter(t -> t.overdueAt(overdueAt, agreement.zone()));
        }
        if (category != null) {
            terms = terms.filter(t -> t.details().category() == category);
        }
        if (status != null) {
            terms = terms.filter(t -> t.complianceAt(at) == status);
        }
        if (obligated != null) {
            terms = terms.filter(t -> t.details().obligated().contains(obligated));
        }
        List<TermState> found = terms.limit(limit + 1L).toList();
        List<TermState> page = found.stream().limit(limit).toList();
        String next = found.size() > limit ? Cursors.encode(Integer.toString(page.get(page.size() - 1).details().order())) : null;
        return new Page<>(mapping.terms(view, page, at, asOf), next).toResponse(uri);
    }

    @GET
    @Path("/{termId}")
    @Operation(operationId = "getTerm", summary = "Read a term", description = "The term with its compliance and whether overdue at an instant (default now). ETag is the agreement's version.")
    @APIResponse(responseCode = "200", description = "The term", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Term.class)))
    public Response read(@Parameter(description = AgreementResource.AGREEMENT_ID) @PathParam("id") String idText,
                         @Parameter(description = TERM_ID) @PathParam("termId") String termIdText,
                         @Parameter(description = "The instant compliance and overdue are evaluated at; a day means its start in the agreement's time zone", example = "2020-12-02")
                         @jakarta.ws.rs.QueryParam("at") String atText) {
        UUID id = AgreementRecords.id(idText);
        Instant at = AgreementRecords.instantOrDay("at", atText, records.current(id).state().zone());
        return termResponse(id, termIdText, at == null ? Instant.now() : at, Response.Status.OK);
    }

    @POST
    @Path("/{termId}/corrections")
    @Operation(operationId = "correctTerm", summary = "Correct a term",
            description = "Changes any of the term's fields: each field given replaces that field, with a reason. Fields not given stay as they are.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Term.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@Parameter(description = AgreementResource.AGREEMENT_ID) @PathParam("id") String idText,
                            @Parameter(description = TERM_ID) @PathParam("termId") String termIdText,
                            @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(description = "The fields to change, plus reason",
                                    content = @Content(schema = @Schema(implementation = AgreementRequests.Term.class)))
                            @NotNull ObjectNode body, @Context HttpHeaders headers) {
        UUID id = AgreementRecords.id(idText);
        AgreementView stored = records.stored(id);
        long expected = writes.expectedVersion(ifMatch, stored.version);
        AgreementState agreement = stored.state();
        TermState term = term(agreement, termIdText);
        AgreementRequests.Term corrected = patches.patched(mapping.termBody(term.details()), body, AgreementRequests.Term.class);
        Set<UUID> named = new HashSet<>(term.details().obligated());
        named.addAll(term.details().beneficiaries());
        List<SourceCitation> citedForChange = body.has("sources") ? corrected.sources() : List.of();
        writes.send(new CorrectTerm(id, expected, term.termId(), mapping.term(corrected, agreement, named)),
                writes.context(headers, corrected.reason(), citedForChange));
        return termResponse(id, term.termId().toString(), Instant.now(), Response.Status.OK);
    }

    @POST
    @Path("/{termId}/compliance")
    @Operation(operationId = "assessTermCompliance", summary = "Assess a term's compliance",
            description = "Records how the term is being kept from an instant on (default now): PENDING, IN_PROGRESS, FULFILLED, PARTIALLY_FULFILLED, VIOLATED or LAPSED, with the Peace Accords Matrix score (default from the status), the conflict events it rests on and a reason. Violations reported in events-service are assessed automatically.")
    @APIResponse(responseCode = "200", description = "Assessed", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Term.class)))
    @APIResponse(responseCode = "409", description = "A business rule is broken (e.g. a conflict event cited twice)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assess(@Parameter(description = AgreementResource.AGREEMENT_ID) @PathParam("id") String idText,
                           @Parameter(description = TERM_ID) @PathParam("termId") String termIdText,
                           @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull AgreementRequests.Compliance body, @Context HttpHeaders headers) {
        UUID id = AgreementRecords.id(idText);
        Long expected = writes.expectedVersion(ifMatch);
        TermState term = term(records.current(id).state(), termIdText);
        Instant now = Instant.now();
        Instant effectiveAt = notInFuture("effectiveAt", body.effectiveAt(), now);
        writes.send(new AssessTermCompliance(id, expected, term.termId(), body.status(), body.score(), effectiveAt,
                mapping.evidence(body.evidence())), writes.context(headers, body.reason(), body.sources()));
        return termResponse(id, term.termId().toString(), Instant.now(), Response.Status.OK);
    }

    @POST
    @Path("/{termId}/renewal-objections")
    @Operation(operationId = "objectToTermRenewal", summary = "Object to a term's renewal",
            description = "Records that a signatory objected to the automatic renewal of a term with a duration. An objection made by a period's notice deadline stops the renewal at the end of that period; a later one counts against the next renewal. See the agreement's schedule.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = AgreementRepresentations.Term.class)))
    @APIResponse(responseCode = "409", description = "The term does not renew automatically, or the party is not a signatory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response object(@Parameter(description = AgreementResource.AGREEMENT_ID) @PathParam("id") String idText,
                           @Parameter(description = TERM_ID) @PathParam("termId") String termIdText,
                           @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull AgreementRequests.Objection body, @Context HttpHeaders headers) {
        UUID id = AgreementRecords.id(idText);
        Long expected = writes.expectedVersion(ifMatch);
        TermState term = term(records.current(id).state(), termIdText);
        UUID party = mapping.actorId(body.party(), "party");
        Instant objectedAt = notInFuture("objectedAt", body.objectedAt(), Instant.now());
        writes.send(new ObjectToTermRenewal(id, expected, term.termId(), party, objectedAt),
                writes.context(headers, body.reason(), body.sources()));
        return termResponse(id, term.termId().toString(), Instant.now(), Response.Status.OK);
    }

    /** What an Idempotency-Key of a new term stands for (a record: its JSON, and so its hash, is stable). */
    private record NewTerm(UUID agreement, AgreementRequests.Term term) {
    }

    private Response created(UUID id, UUID termId) {
        return termResponse(id, termId.toString(), Instant.now(), Response.Status.CREATED);
    }

    private Response termResponse(UUID id, String termIdText, Instant at, Response.Status status) {
        AgreementView view = records.written(id);
        TermState term = term(view.state(), termIdText);
        Response.ResponseBuilder response = Response.status(status).tag(AgreementRecords.etag(view))
                .entity(mapping.terms(view, List.of(term), at, null).get(0));
        if (status == Response.Status.CREATED) {
            response.location(URI.create("/api/v1/agreements/" + id + "/terms/" + term.termId()));
        }
        return response.build();
    }

    private static TermState term(AgreementState agreement, String termIdText) {
        try {
            return agreement.term(UUID.fromString(termIdText))
                    .orElseThrow(() -> new RecordNotFound("term", termIdText));
        } catch (IllegalArgumentException e) {
            throw new RecordNotFound("term", termIdText);
        }
    }

    private static Instant notInFuture(String field, Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now)) {
            throw new InvalidRequest(field, "must not be in the future");
        }
        return TimeBounds.instant(field, given);
    }

    private static int afterOrder(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("cursor", "is not a cursor this API returned");
        }
    }
}
