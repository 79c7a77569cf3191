package org.conflictledger.actors.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.actors.api.ActorRepresentations.Actor;
import org.conflictledger.actors.api.ActorRepresentations.ActorSummary;
import org.conflictledger.actors.api.ActorRepresentations.RebuildReport;
import org.conflictledger.actors.api.ActorRepresentations.Relationship;
import org.conflictledger.actors.domain.AddActorExternalId;
import org.conflictledger.actors.domain.ChangeActorAliases;
import org.conflictledger.actors.domain.CorrectActorCountry;
import org.conflictledger.actors.domain.CorrectActorKind;
import org.conflictledger.actors.domain.DeclareRelationship;
import org.conflictledger.actors.domain.EndRelationship;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.actors.domain.MergeActor;
import org.conflictledger.actors.domain.RegisterActor;
import org.conflictledger.actors.domain.RemoveActorExternalId;
import org.conflictledger.actors.domain.RenameActor;
import org.conflictledger.actors.domain.RetractActor;
import org.conflictledger.actors.query.ActorFilter;
import org.conflictledger.actors.query.ActorProjection;
import org.conflictledger.actors.query.ActorQueries;
import org.conflictledger.actors.query.ActorStatus;
import org.conflictledger.actors.query.ActorView;
import org.conflictledger.actors.query.RelationshipView;
import org.conflictledger.actors.write.ActorWriteConfiguration;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.api.Cursors;
import org.conflictledger.platform.api.HistoryPages;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.api.Writes;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.domain.RuleViolation;
import org.conflictledger.platform.audit.ChainVerification;
import org.conflictledger.platform.audit.ReadModelCheck;
import org.conflictledger.platform.axon.ReadModels;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
 * The actor record over HTTP: register, read (now or as of an instant), list, the write actions,
 * relationships, and the audit views (history, hash-chain verification).
 */
@Path("/api/v1/actors")
@Tag(name = "Actors", description = "States, leaders, armed groups, bodies and forces, and how they relate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400",
        description = "Malformed JSON, an invalid field or parameter, or an unknown query parameter (named in errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActorResource {
    private static final String ACTOR_REF = "The actor's id (UUID) or key";

    private final Writes writes;
    private final ActorQueries queries;
    private final ActorReferences references;
    private final AuditTrail audit;
    private final ReadModels readModels;
    private final HistoryPages historyPages;
    private final Releases releases;

    ActorResource(Writes writes, ActorQueries queries, ActorReferences references, AuditTrail audit,
                  ReadModels readModels, HistoryPages historyPages, Releases releases) {
        this.releases = releases;
        this.writes = writes;
        this.queries = queries;
        this.references = references;
        this.audit = audit;
        this.readModels = readModels;
        this.historyPages = historyPages;
    }

    @POST
    @Operation(operationId = "registerActor", summary = "Register an actor",
            description = "Records a new actor. Its key must be unused. Answers 201 with the actor, its Location and ETag.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "The key is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull ActorRequests.Registration body, @Context HttpHeaders headers,
                             @Context UriInfo uri) {
        UUID id = UUID.randomUUID();
        String affiliation = body.affiliation() == null ? null
                : references.inField("affiliation", body.affiliation()).toString();
        writes.send(new RegisterActor(id, body.key(), body.name(), body.kind(),
                body.aliases() == null ? List.of() : body.aliases(), body.country(), affiliation),
                writes.context(headers, body.reason(), body.sources()));
        ActorView view = written(id);
        return Response.created(URI.create("/api/v1/actors/" + id))
                .tag(etag(view)).entity(Actor.of(view, null)).build();
    }

    @GET
    @Path("/{actor}")
    @Operation(operationId = "getActor", summary = "Read an actor",
            description = "The actor now, or with asOf the actor as the record stood at that instant (rebuilt from the events recorded up to it). ETag is the version.")
    @APIResponse(responseCode = "200", description = "The actor", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "404", description = "No such actor (at that instant)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@Parameter(description = ACTOR_REF, example = "TUR") @PathParam("actor") String ref,
                         @Parameter(description = "An instant (ISO 8601, UTC) to read the actor as it stood then",
                                 example = "2020-11-10T00:00:00Z") @QueryParam("asOf") String asOf) {
        UUID id = references.inPath(ref);
        if (asOf == null) {
            ActorView view = current(id);
            return Response.ok(Actor.of(view, null)).tag(etag(view)).build();
        }
        Instant instant = QueryParameters.instant("asOf", asOf);
        ActorView then = ActorQueries.fold(audit.eventsUpTo(id.toString(), instant))
                .orElseThrow(() -> new RecordNotFound("actor", ref + " as of " + instant));
        return Response.ok(Actor.of(then, instant)).tag(etag(then)).build();
    }

    @GET
    @Operation(operationId = "listActors", summary = "List actors",
            description = "Actors ordered by key, filtered by kind, country, text (name or alias), theater, a related actor or an id in another dataset (externalId=wikidata:Q43), a page at a time. With asOf, the list as it stood at that instant: the actors registered by then, with the names, aliases, external ids, status and relationships they had then.")
    @APIResponse(responseCode = "200", description = "A page of actors; Link rel=next when there is more",
            content = @Content(schema = @Schema(implementation = ActorRepresentations.ActorPage.class)))
    public Response list(@Parameter(description = "Kind of actor", schema = @Schema(implementation = ActorKind.class))
                         @QueryParam("kind") String kind,
                         @Parameter(description = "ISO 3166-1 alpha-3", example = "TUR")
                         @Pattern(regexp = RecordLimits.COUNTRY, message = RecordLimits.COUNTRY_RULE) @QueryParam("country") String country,
                         @Parameter(description = "Part of the name or an alias", example = "haftar")
                         @Size(max = RecordLimits.MAX_NAME) @QueryParam("q") String text,
                         @Parameter(description = "Actors with a relationship in this theater",
                                 schema = @Schema(implementation = Theater.class)) @QueryParam("theater") String theater,
                         @Parameter(description = "Actors with a relationship with this actor (id or key)", example = "RUS")
                         @QueryParam("relatedTo") String relatedTo,
                         @Parameter(description = "Lifecycle status", schema = @Schema(implementation = ActorStatus.class))
                         @QueryParam("status") String status,
                         @Parameter(description = "The actor known by this identifier in another dataset, as"
                                 + " scheme:value", example = "wikidata:Q43")
                         @Size(max = QueryParameters.MAX_EXTERNAL_ID_FILTER)
                         @QueryParam("externalId") String externalId,
                         @Parameter(description = "The list as it stood at this instant (ISO 8601, UTC), filtered and"
                                 + " shown with the values and relationships of that instant; not in the future",
                                 example = "2020-11-10T00:00:00Z") @QueryParam("asOf") String asOfText,
                         @Parameter(description = "The list as of a named release's instant (GET /api/v1/releases"
                                 + " lists them); not with asOf", example = "2020-12") @QueryParam("release") String release,
                         @Parameter(description = "Cursor from the previous page's next") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1 to 500", example = "50") @QueryParam("limit") String limitText,
                         @Context UriInfo uri) {
        int limit = QueryParameters.limit(limitText);
        UUID related = relatedTo == null ? null : references.inField("relatedTo", relatedTo);
        ActorFilter filter = new ActorFilter(QueryParameters.enumValue("kind", kind, ActorKind.class), country,
                blankToNull(text), QueryParameters.enumValue("theater", theater, Theater.class), related,
                QueryParameters.enumValue("status", status, ActorStatus.class), QueryParameters.externalId("externalId", externalId),
                Cursors.decode(cursor));
        Instant asOf = releases.listedAsOf(asOfText, release);
        List<ActorView> found = asOf == null ? queries.list(filter, limit + 1) : queries.listAsOf(filter, asOf, limit + 1);
        boolean more = found.size() > limit;
        List<Actor> items = found.stream().limit(limit).map(view -> Actor.of(view, asOf)).toList();
        String next = more ? Cursors.encode(items.get(items.size() - 1).key()) : null;
        return new Page<>(items, next).toResponse(uri);
    }

    @POST
    @Path("/{actor}/rename")
    @Operation(operationId = "renameActor", summary = "Rename an actor", description = "Records a new name; the old one stays in the history.")
    @APIResponse(responseCode = "200", description = "Renamed", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "The actor is retracted or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rename(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                           @Parameter(description = "The ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ActorRequests.Rename body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new RenameActor(id, writes.expectedVersion(ifMatch), body.name()),
                headers, body.reason(), body.sources());
    }

    @PUT
    @Path("/{actor}/aliases")
    @Operation(operationId = "replaceActorAliases", summary = "Replace an actor's aliases", description = "Records the complete new list of aliases.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeAliases(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                  @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull ActorRequests.AliasesChange body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new ChangeActorAliases(id, writes.expectedVersion(ifMatch), body.aliases()),
                headers, body.reason(), body.sources());
    }

    @POST
    @Path("/{actor}/kind")
    @Operation(operationId = "correctActorKind", summary = "Correct an actor's kind")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correctKind(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull ActorRequests.KindCorrection body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new CorrectActorKind(id, writes.expectedVersion(ifMatch), body.kind()),
                headers, body.reason(), body.sources());
    }

    @POST
    @Path("/{actor}/country")
    @Operation(operationId = "correctActorCountry", summary = "Correct an actor's country")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correctCountry(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                   @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull ActorRequests.CountryCorrection body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new CorrectActorCountry(id, writes.expectedVersion(ifMatch), body.country()),
                headers, body.reason(), body.sources());
    }

    @POST
    @Path("/{actor}/external-ids")
    @Operation(operationId = "addActorExternalId", summary = "Add an identifier the actor has in another dataset",
            description = "Records that the actor is known as scheme:value elsewhere (wikidata:Q43, acled:Military"
                    + " Forces of Turkey (2016-), ucdp:…); one it already has changes nothing. An id names one actor"
                    + " (acled-interaction codes excepted): one another actor has is a 409.")
    @APIResponse(responseCode = "200", description = "Added", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "Another actor has the id, the actor has 50 already, or it is retracted or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addExternalId(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                  @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull ActorRequests.ExternalIdChange body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new AddActorExternalId(id, writes.expectedVersion(ifMatch), externalId(body)),
                headers, body.reason(), body.sources());
    }

    @POST
    @Path("/{actor}/external-ids/remove")
    @Operation(operationId = "removeActorExternalId", summary = "Remove an identifier the actor has in another dataset",
            description = "Records that the actor is no longer known as scheme:value (added by mistake, or withdrawn"
                    + " there); the id is free for another actor from then on.")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "The actor does not have the id, or it is retracted or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response removeExternalId(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                     @HeaderParam("If-Match") String ifMatch,
                                     @Valid @NotNull ActorRequests.ExternalIdChange body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new RemoveActorExternalId(id, writes.expectedVersion(ifMatch), externalId(body)),
                headers, body.reason(), body.sources());
    }

    @POST
    @Path("/{actor}/relationships")
    @Operation(operationId = "declareRelationship", summary = "Declare a relationship",
            description = "Records how this actor stands towards a counterpart, where, and over which days (valid time). Answers 201 with the relationship.")
    @APIResponse(responseCode = "201", description = "Declared", content = @Content(schema = @Schema(implementation = Relationship.class)))
    @APIResponse(responseCode = "409", description = "With itself, a duplicate, or the actor is retracted or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response declareRelationship(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                        @HeaderParam("If-Match") String ifMatch,
                                        @Valid @NotNull ActorRequests.RelationshipDeclaration body,
                                        @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        UUID counterpart = references.inField("counterpart", body.counterpart());
        requireActive(counterpart, "counterpart");
        if (body.validFrom() != null && body.validUntil() != null && body.validUntil().isBefore(body.validFrom())) {
            throw new InvalidRequest("validUntil", "must not be before validFrom");
        }
        UUID relationshipId = UUID.randomUUID();
        writes.send(new DeclareRelationship(id, writes.expectedVersion(ifMatch), relationshipId, body.kind(),
                        counterpart, body.theater(), body.validFrom(), body.validUntil(), body.confidence()),
                writes.context(headers, body.reason(), body.sources()));
        ActorView view = written(id);
        RelationshipView declared = view.relationships.stream().filter(r -> r.id.equals(relationshipId))
                .findFirst().orElseThrow(() -> new IllegalStateException("Declared relationship not in the read model"));
        return Response.created(URI.create("/api/v1/actors/" + id + "/relationships/" + relationshipId))
                .tag(etag(view))
                .entity(Relationship.of(declared, summary(counterpart), "outgoing"))
                .build();
    }

    @POST
    @Path("/{actor}/relationships/{relationship}/end")
    @Operation(operationId = "endRelationship", summary = "End a relationship", description = "Records the last day a relationship held.")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "Unknown or already ended relationship",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response endRelationship(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                    @PathParam("relationship") UUID relationshipId,
                                    @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull ActorRequests.RelationshipEnding body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new EndRelationship(id, writes.expectedVersion(ifMatch), relationshipId, body.validUntil()),
                headers, body.reason(), body.sources());
    }

    @GET
    @Path("/{actor}/relationships")
    @Operation(operationId = "listActorRelationships", summary = "Relationships of an actor",
            description = "Relationships the actor declared (outgoing) and those naming it as counterpart (incoming); validAt keeps those that held on a day. With asOf (or release), the relationships as they stood at that instant, the actors at both ends named as they were then; an actor not yet registered then has none.")
    @APIResponse(responseCode = "200", description = "The relationships",
            content = @Content(schema = @Schema(implementation = ActorRepresentations.RelationshipPage.class)))
    public Page<Relationship> relationships(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                                            @Parameter(description = "Only those valid on this day", example = "2020-11-10")
                                            @QueryParam("validAt") String validAtText,
                                            @Parameter(schema = @Schema(implementation = RelationshipKind.class))
                                            @QueryParam("kind") String kindText,
                                            @Parameter(schema = @Schema(implementation = Theater.class))
                                            @QueryParam("theater") String theaterText,
                                            @Parameter(description = "outgoing, incoming or both")
                                            @Pattern(regexp = "outgoing|incoming|both", message = "must be outgoing, incoming or both")
                                            @QueryParam("direction") @DefaultValue("both") String direction,
                                            @Parameter(description = "The relationships as they stood at this instant"
                                                    + " (ISO 8601, UTC); not in the future",
                                                    example = "2020-11-10T00:00:00Z") @QueryParam("asOf") String asOfText,
                                            @Parameter(description = "As of a named release's instant; not with asOf",
                                                    example = "2020-12") @QueryParam("release") String release) {
        UUID id = references.inPath(ref);
        Instant asOf = releases.listedAsOf(asOfText, release);
        LocalDate validAt = QueryParameters.date("validAt", validAtText);
        RelationshipKind kind = QueryParameters.enumValue("kind", kindText, RelationshipKind.class);
        Theater theater = QueryParameters.enumValue("theater", theaterText, Theater.class);
        boolean outgoing = !direction.equals("incoming");
        boolean incoming = !direction.equals("outgoing");
        List<RelationshipView> found;
        Map<UUID, ActorView> views;
        if (asOf == null) {
            found = queries.relationships(id, outgoing, incoming, validAt, kind, theater);
            Set<UUID> others = new HashSet<>(Set.of(id));
            found.forEach(r -> others.add(r.actor.id.equals(id) ? r.counterpartId : r.actor.id));
            views = queries.byIds(others);
        } else {
            ActorQueries.RelationshipsAsOf then = queries.relationshipsAsOf(id, outgoing, incoming, validAt, kind,
                    theater, asOf);
            found = then.relationships();
            views = then.actors();
        }
        List<Relationship> items = found.stream()
                .map(r -> Relationship.of(r, ActorSummary.of(r.counterpartId, views.get(r.counterpartId)),
                        r.actor.id.equals(id) ? "outgoing" : "incoming"))
                .toList();
        return new Page<>(items, null);
    }

    @POST
    @Path("/{actor}/merge")
    @Operation(operationId = "mergeActor", summary = "Merge a duplicate into another actor",
            description = "Marks this actor as a duplicate of another; it takes no further changes, its history stays.")
    @APIResponse(responseCode = "200", description = "Merged", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "Into itself, or already merged or retracted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response merge(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                          @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull ActorRequests.Merge body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        UUID into = references.inField("into", body.into());
        requireActive(into, "into");
        return afterWrite(id, new MergeActor(id, writes.expectedVersion(ifMatch), into),
                headers, body.reason(), body.sources());
    }

    @POST
    @Path("/{actor}/retract")
    @Operation(operationId = "retractActor", summary = "Retract an actor",
            description = "Withdraws the actor from the record (never deleted: it stays readable with its history).")
    @APIResponse(responseCode = "200", description = "Retracted", content = @Content(schema = @Schema(implementation = Actor.class)))
    @APIResponse(responseCode = "409", description = "Already retracted or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retract(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                            @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ActorRequests.Retraction body, @Context HttpHeaders headers) {
        UUID id = references.inPath(ref);
        return afterWrite(id, new RetractActor(id, writes.expectedVersion(ifMatch)), headers, body.reason(),
                body.sources());
    }

    @GET
    @Path("/{actor}/history")
    @Operation(operationId = "getActorHistory", summary = "History of an actor",
            description = "Every recorded change, oldest first, with who made it, why, on which sources, and its hash-chain link.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(schema = @Schema(implementation = HistoryPages.HistoryPage.class)))
    public Response history(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref,
                            @QueryParam("cursor") String cursor,
                            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") String limitText,
                            @Context UriInfo uri) {
        UUID id = references.inPath(ref);
        return historyPages.page(ActorWriteConfiguration.RECORD, id.toString(), cursor, limitText).toResponse(uri);
    }

    @GET
    @Path("/{actor}/verify")
    @Operation(operationId = "verifyActor", summary = "Verify an actor's hash chain",
            description = ChainVerification.OPERATION_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(schema = @Schema(implementation = ChainVerification.class)))
    public ChainVerification verify(@Parameter(description = ACTOR_REF) @PathParam("actor") String ref) {
        UUID id = references.inPath(ref);
        return audit.verify(org.conflictledger.actors.domain.Actor.class, id.toString(), events ->
                ReadModelCheck.sameJson(ActorQueries.fold(events).map(view -> Actor.of(view, null)).orElse(null),
                        Actor.of(current(id), null)));
    }

    @POST
    @Path("/admin/read-model/rebuild")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rebuildActorReadModel", summary = "Rebuild the actor read model",
            description = "Empties the actor read model and replays every stored event into it. An administrative action."
                    + " With several replicas it runs on the replica that processes the read model;"
                    + " on another one it is refused with 409.")
    @APIResponse(responseCode = "409", description = "Another replica processes the read model:"
            + " send the request to it, or scale the service to one replica",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Still replaying after ledger.axon.rebuild-wait (100 s): the"
            + " replay goes on, and the same request again waits for it (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Rebuilt", content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    public RebuildReport rebuild() {
        readModels.rebuild(ActorProjection.PROCESSOR);
        return new RebuildReport(ActorProjection.PROCESSOR, queries.countActors(), queries.countRelationships());
    }

    /** The identifier a body names; its rules were checked by validation, the value's shape is checked here. */
    private static ExternalId externalId(ActorRequests.ExternalIdChange body) {
        ExternalIds.valueProblem(body.scheme(), body.value()).ifPresent(problem -> {
            throw new InvalidRequest("value", problem);
        });
        return new ExternalId(body.scheme(), body.value());
    }

    private Response afterWrite(UUID id, Object command, HttpHeaders headers, String reason,
                                List<org.conflictledger.platform.api.SourceCitation> sources) {
        writes.send(command, writes.context(headers, reason, sources));
        ActorView view = written(id);
        return Response.ok(Actor.of(view, null)).tag(etag(view)).build();
    }

    /** Another actor a write names must still be in the record, not merged away or retracted. */
    private void requireActive(UUID id, String field) {
        ActorView other = current(id);
        if (other.status != ActorStatus.ACTIVE) {
            throw new RuleViolation("other-actor-" + other.status.name().toLowerCase(),
                    field + " names " + other.key + ", which is " + other.status.name().toLowerCase()
                            + (other.mergedInto == null ? "" : " into " + other.mergedInto));
        }
    }

    /**
     * The actor after a write: from the read model once it has the write, else folded from the store (a write is
     * answered with what was recorded even when the read models did not catch up within the wait).
     */
    private ActorView written(UUID id) {
        long stored = audit.storedVersion(id.toString());
        return queries.byId(id).filter(view -> view.version >= stored)
                .or(() -> ActorQueries.fold(audit.events(id.toString())))
                .orElseThrow(() -> new RecordNotFound("actor", id.toString()));
    }

    private ActorView current(UUID id) {
        return queries.byId(id).orElseThrow(() -> new RecordNotFound("actor", id.toString()));
    }

    private ActorSummary summary(UUID id) {
        return ActorSummary.of(id, queries.byId(id).orElse(null));
    }

    private static EntityTag etag(ActorView view) {
        return new EntityTag(Long.toString(view.version));
    }


    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
