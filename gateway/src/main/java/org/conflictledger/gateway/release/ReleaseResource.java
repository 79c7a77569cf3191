package org.conflictledger.gateway.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.conflictledger.contracts.ReleaseRules;
import org.conflictledger.gateway.audit.ServiceFailure;
import org.conflictledger.gateway.routing.InvalidInput;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.conflictledger.gateway.routing.ServiceRoutes;
import org.conflictledger.gateway.security.QueryToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/releases}: named releases of the whole ledger. The gateway cuts one in every service at the same
 * instant ({@code PUT …/releases/{name}} to each, see {@link ReleaseFanOut}) and merges the services' parts into one
 * release with a content hash per collection ({@link MergedRelease}). It answers 2xx only when every service holds
 * the release; otherwise it says which do, and the same request completes it (the services' PUT is idempotent).
 */
@Path("/api/v1/releases")
@Tag(name = "Releases", description = "Named, citable releases of the whole ledger: each freezes every collection at"
        + " one instant and carries the SHA-256 of each collection's canonical export as of that instant, so that a"
        + " citation (\"Conflict Ledger release 2020-12, events sha256:…\") can be checked by anyone who downloads it")
public class ReleaseResource {
    static final String CORRELATION_ID = ServiceRoutes.CORRELATION_ID;
    private static final Logger LOG = Logger.getLogger(ReleaseResource.class);
    private static final String CUT_EXAMPLE = """
            {"name": "2020-12", "freezesAt": "2020-12-31T23:59:59Z", "note": "The record as it stood at the end of 2020, for the annual report"}""";
    private static final String RELEASE_EXAMPLE = """
            {"name": "2020-12", "freezesAt": "2020-12-31T23:59:59Z",
             "note": "The record as it stood at the end of 2020, for the annual report",
             "cutBy": "admin@example.org", "cutAt": "2026-12-07T22:10:00.123456Z", "complete": true,
             "collections": {
               "actors": {"contentHash": "sha256:3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                          "records": 412, "export": "/api/v1/actors/exports/canonical?release=2020-12"},
               "events": {"contentHash": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                          "records": 12034, "export": "/api/v1/events/exports/canonical?release=2020-12"},
               "agreements": {"contentHash": "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                              "records": 57, "export": "/api/v1/agreements/exports/canonical?release=2020-12"}}}""";
    private static final String LIST_EXAMPLE = """
            {"items": [
              {"name": "2021-06", "freezesAt": "2021-06-30T23:59:59Z", "note": "Mid-2021 snapshot",
               "cutBy": "admin@example.org", "cutAt": "2026-12-07T22:20:00.5Z", "complete": false,
               "collections": {
                 "actors": {"contentHash": "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                            "records": 418, "export": "/api/v1/actors/exports/canonical?release=2021-06"}}},
              {"name": "2020-12", "freezesAt": "2020-12-31T23:59:59Z",
               "note": "The record as it stood at the end of 2020, for the annual report",
               "cutBy": "admin@example.org", "cutAt": "2026-12-07T22:10:00.123456Z", "complete": true,
               "collections": {
                 "actors": {"contentHash": "sha256:3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                            "records": 412, "export": "/api/v1/actors/exports/canonical?release=2020-12"},
                 "events": {"contentHash": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                            "records": 12034, "export": "/api/v1/events/exports/canonical?release=2020-12"},
                 "agreements": {"contentHash": "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                                "records": 57, "export": "/api/v1/agreements/exports/canonical?release=2020-12"}}}]}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "freezesAt: must not be in the future (the gateway's clock reads 2026-12-07T22:10:00.123456Z); leave it out to freeze the release now",
             "instance": "/api/v1/releases",
             "errors": [{"field": "freezesAt", "message": "must not be in the future (the gateway's clock reads 2026-12-07T22:10:00.123456Z); leave it out to freeze the release now"}]}""";
    private static final String EXISTS_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:release-exists", "title": "Release exists", "status": 409,
             "detail": "A release named 2020-12 exists with another freezesAt or note; a release never changes",
             "instance": "/api/v1/events/releases/2020-12", "service": "actors-service", "release": "2020-12",
             "heldBy": [], "missing": [{"service": "actors-service", "status": 409}, {"service": "events-service", "status": 409},
             {"service": "agreements-service", "status": 409}]}""";
    private static final String INCOMPLETE_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:release-incomplete", "title": "Release incomplete", "status": 503,
             "detail": "Release 2020-12 is held by actors-service and agreements-service but not by events-service (cannot be reached). Send the same request again to complete it: a service that holds the release already answers it unchanged.",
             "instance": "/api/v1/releases", "release": "2020-12", "service": "events-service",
             "heldBy": ["actors-service", "agreements-service"],
             "missing": [{"service": "events-service", "status": 503, "detail": "cannot be reached"}]}""";
    private static final String UNAVAILABLE_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:service-unavailable", "title": "Service unavailable", "status": 503,
             "detail": "events-service cannot be reached; try again shortly", "instance": "/api/v1/releases",
             "service": "events-service"}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:conflict-ledger:problem:not-found", "title": "Not found", "status": 404,
             "detail": "No service holds a release named 2019-12", "instance": "/api/v1/releases/2019-12"}""";

    private final ReleaseFanOut fanOut;
    private final ReleaseConfig config;
    private final Clock clock = Clock.systemUTC();

    ReleaseResource(ReleaseFanOut fanOut, ReleaseConfig config) {
        this.fanOut = fanOut;
        this.config = config;
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, ServiceProblems.MEDIA_TYPE})
    @Operation(operationId = "cutRelease", summary = "Cut a release",
            description = "Freezes every collection (actors, conflict events, agreements) at one instant under a name,"
                    + " with a note saying why; needs the admin role. freezesAt is optional: when absent it is the"
                    + " gateway's clock now (or, sent again, the instant a service already holding the release keeps);"
                    + " it is floored to microseconds and must not be in the future. The gateway asks actors-service"
                    + " first to cut its part (PUT /api/v1/{collection}/releases/{name}), then the other two at once"
                    + " with the freezesAt and note actors-service kept, and answers with the merged release and the"
                    + " SHA-256 of each collection's canonical export as of freezesAt. This takes at least"
                    + " LEDGER_RELEASES_SETTLE (30 s) after freezesAt, and minutes for a large record: each service"
                    + " hashes its whole collection. 201 when a service cut its part now, 200 when all three already held it with"
                    + " the same freezesAt and note (a retry changes nothing). A release never changes: one of the name"
                    + " with other values is a 409. Never a 2xx unless all three services hold the release; when one"
                    + " could not cut its part the answer is a release-incomplete problem naming the services that"
                    + " hold it, and sending the same request again completes it. Authorization and X-Correlation-Id"
                    + " are passed to the services.")
    @APIResponse(responseCode = "201", description = "Cut now (in at least one service); every service holds it",
            headers = @Header(name = "Location", description = "/api/v1/releases/{name}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseDocument.class),
                    examples = @ExampleObject(name = "release", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Every service already held this release with the same freezesAt"
            + " and note: nothing changed",
            headers = @Header(name = "Location", description = "/api/v1/releases/{name}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseDocument.class),
                    examples = @ExampleObject(name = "release", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is not a release: named in errors[] (name, freezesAt,"
            + " note, an unknown field, or body when it is not a JSON object), or an unknown query parameter",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class),
                    examples = @ExampleObject(name = "future freezesAt", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token: missing, expired, or not signed by the"
            + " ledger's key",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "403", description = "The token does not grant the role admin (or a service refused"
            + " it: then heldBy and missing say which services hold the release)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "409", description = "A release of this name exists with another freezesAt or note"
            + " (release-exists, the service's own problem document, with the service, heldBy and missing)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class),
                    examples = @ExampleObject(name = "release exists", value = EXISTS_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "release-incomplete: a service answered something the gateway"
            + " cannot use; heldBy names the services that hold the release, send the same request again",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "503", description = "release-incomplete: a service cannot be reached or is not ready"
            + " (Retry-After when it said when); heldBy names the services that hold the release, send the same"
            + " request again",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class),
                    examples = @ExampleObject(name = "events-service down", value = INCOMPLETE_EXAMPLE)))
    @APIResponse(responseCode = "504", description = "release-incomplete: a service did not answer within"
            + " GATEWAY_RELEASES_CUT_TIMEOUT (it may still be cutting its part); send the same request again",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    public CompletionStage<Response> cutRelease(
            @RequestBody(required = true, description = "The release to cut",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReleaseCutRequest.class),
                            examples = @ExampleObject(name = "end of 2020", value = CUT_EXAMPLE)))
            String body,
            @Parameter(description = "Passed to the services") @HeaderParam("Authorization") String authorization,
            @Parameter(description = "Passed to the services and echoed; a new one when absent or unusable")
            @HeaderParam(CORRELATION_ID) String correlationId,
            @Context UriInfo uri) {
        String correlation = ServiceRoutes.correlationId(correlationId);
        String instance = instance(uri);
        Response unknown = unknownParameters(uri, instance, correlation);
        if (unknown != null) {
            return CompletableFuture.completedFuture(unknown);
        }
        ReleaseCut cut;
        try {
            cut = ReleaseCut.parse(body, clock.instant());
        } catch (InvalidInput e) {
            return CompletableFuture.completedFuture(
                    problem(400, ServiceProblems.invalid(e.detail(), instance, e.json()), correlation));
        }
        Map<String, String> headers = headers(authorization, correlation);
        return instantOfAPartAlreadyCut(cut, body, headers)
                .thenCompose(resolved -> fanOut.cut(resolved, headers)
                        .thenApply(answers -> cutAnswer(resolved, answers, instance, correlation)))
                .exceptionally(failure -> failure(failure, "POST", instance, correlation));
    }

    /**
     * A cut without freezesAt freezes the gateway's now; sent again to complete a release that some services hold,
     * it freezes the instant they already hold instead, so that the same request completes it. Every service that
     * answers is asked (a part may have been cut by a direct PUT); a service that cannot answer is left to answer the
     * cut itself.
     */
    private CompletionStage<ReleaseCut> instantOfAPartAlreadyCut(ReleaseCut cut, String body,
                                                                 Map<String, String> headers) {
        if (new JsonObject(body).getValue("freezesAt") != null) {
            return CompletableFuture.completedFuture(cut);
        }
        return fanOut.partsHeld(cut.name(), headers).thenApply(parts -> parts.isEmpty() ? cut
                : new ReleaseCut(cut.name(), Instant.parse(parts.get(0).getString("freezesAt")), cut.note()));
    }

    private Response cutAnswer(ReleaseCut cut, List<ReleaseFanOut.Answer> answers, String instance, String correlation) {
        JsonArray heldBy = new JsonArray();
        JsonArray missing = new JsonArray();
        List<ReleaseFanOut.Answer> refused = new ArrayList<>();
        List<ReleaseFanOut.Answer> failed = new ArrayList<>();
        Map<String, JsonObject> parts = new LinkedHashMap<>();
        boolean cutNow = false;
        for (ReleaseFanOut.Answer answer : answers) {
            switch (answer.outcome()) {
                case HELD -> {
                    heldBy.add(answer.service());
                    parts.put(ReleaseFanOut.collection(answer.route()), answer.part());
                    cutNow |= answer.status() == 201;
                }
                case REFUSED -> {
                    refused.add(answer);
                    missing.add(new JsonObject().put("service", answer.service()).put("status", answer.status()));
                }
                case FAILED -> {
                    failed.add(answer);
                    missing.add(new JsonObject().put("service", answer.service()).put("status", answer.status())
                            .put("detail", reason(answer)));
                }
                case NOT_ASKED -> missing.add(new JsonObject().put("service", answer.service())
                        .put("detail", reason(answer)));
            }
        }
        if (!refused.isEmpty()) {
            ReleaseFanOut.Answer first = refused.get(0);
            JsonObject problem = serviceProblem(first, instance);
            problem.put("release", cut.name()).put("heldBy", heldBy).put("missing", missing);
            LOG.warnf("POST %s: release %s refused by %s (%d); held by %s [%s]", instance, cut.name(), first.service(),
                    first.status(), heldBy.encode(), correlation);
            return withRetryAfter(problem(first.status(), problem, correlation), refused);
        }
        if (!failed.isEmpty()) {
            ReleaseFanOut.Answer first = failed.get(0);
            StringBuilder detail = new StringBuilder("Release ").append(cut.name()).append(" is held by ");
            List<String> holders = heldBy.stream().map(String::valueOf).toList();
            detail.append(holders.isEmpty() ? "no service" : String.join(" and ", holders)).append(" but not by ")
                    .append(String.join(" and ", failed.stream().map(a -> a.service() + " (" + reason(a) + ")").toList()))
                    .append(". Send the same request again to complete it: a service that holds the release already"
                            + " answers it unchanged.");
            JsonObject problem = ServiceProblems.of("release-incomplete", "Release incomplete", first.status(),
                            detail.toString(), instance)
                    .put("release", cut.name()).put("service", first.service()).put("heldBy", heldBy)
                    .put("missing", missing);
            LOG.warnf("POST %s: release %s incomplete: %s; %d [%s]", instance, cut.name(),
                    String.join("; ", failed.stream().map(a -> a.service() + " " + a.why()).toList()), first.status(),
                    correlation);
            return withRetryAfter(problem(first.status(), problem, correlation), failed);
        }
        MergedRelease release = merged(parts);
        LOG.infof("Release %s %s, freezing %s: %s [%s]", cut.name(), cutNow ? "cut" : "already held", cut.freezesAt(),
                String.join(", ", answers.stream().map(a -> a.service() + " " + a.status()).toList()), correlation);
        return Response.status(cutNow ? 201 : 200).type(MediaType.APPLICATION_JSON).entity(release.json().encode())
                .header("Location", "/api/v1/releases/" + cut.name()).header(CORRELATION_ID, correlation).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ServiceProblems.MEDIA_TYPE})
    @Operation(operationId = "listReleases", summary = "List the releases",
            description = "Every release, newest first by freezesAt (then by name), each merged from the services'"
                    + " parts with the content hash of each collection. A release that not every service holds (a cut"
                    + " that did not complete; send it again) is listed with complete false and only the collections"
                    + " that hold it. A service that cannot answer fails the list with a problem naming it: the list"
                    + " never leaves a service out silently.")
    @APIResponse(responseCode = "200", description = "All releases, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseList.class),
                    examples = @ExampleObject(name = "releases", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An unknown query parameter (named in errors[]); the list takes none",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "502", description = "A service answered something the gateway cannot use (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "503", description = "A service cannot be reached (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class),
                    examples = @ExampleObject(name = "events-service down", value = UNAVAILABLE_EXAMPLE)))
    @APIResponse(responseCode = "504", description = "A service did not answer in time (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    public CompletionStage<Response> listReleases(
            @Parameter(description = "Passed to the services") @HeaderParam("Authorization") String authorization,
            @Parameter(description = "Passed to the services and echoed; a new one when absent or unusable")
            @HeaderParam(CORRELATION_ID) String correlationId,
            @Context UriInfo uri) {
        String correlation = ServiceRoutes.correlationId(correlationId);
        String instance = instance(uri);
        Response unknown = unknownParameters(uri, instance, correlation);
        if (unknown != null) {
            return CompletableFuture.completedFuture(unknown);
        }
        return fanOut.list(headers(authorization, correlation)).handle((byService, failure) -> {
            if (failure != null) {
                return failure(failure, "GET", instance, correlation);
            }
            Map<String, List<JsonObject>> byCollection = new LinkedHashMap<>();
            byService.forEach((route, parts) -> byCollection.put(ReleaseFanOut.collection(route), parts));
            JsonArray items = new JsonArray();
            for (MergedRelease release : MergedRelease.all(byCollection)) {
                warnIfInconsistent(release);
                items.add(release.json());
            }
            return Response.ok(new JsonObject().put("items", items).encode(), MediaType.APPLICATION_JSON)
                    .header(CORRELATION_ID, correlation).build();
        });
    }

    @GET
    @Path("/{name}")
    @Produces({MediaType.APPLICATION_JSON, ServiceProblems.MEDIA_TYPE})
    @Operation(operationId = "getRelease", summary = "One release",
            description = "The release of this name, merged from the services' parts, with the content hash of each"
                    + " collection that holds it; complete is false when not every service holds it (a cut that did"
                    + " not complete; send it again). A service that cannot answer fails the request with a problem"
                    + " naming it.")
    @APIResponse(responseCode = "200", description = "The release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseDocument.class),
                    examples = @ExampleObject(name = "release", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The name cannot be a release's (named in errors[]), or an"
            + " unknown query parameter",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "404", description = "No service holds a release of this name",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class),
                    examples = @ExampleObject(name = "no such release", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "A service answered something the gateway cannot use (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    @APIResponse(responseCode = "503", description = "A service cannot be reached (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class),
                    examples = @ExampleObject(name = "events-service down", value = UNAVAILABLE_EXAMPLE)))
    @APIResponse(responseCode = "504", description = "A service did not answer in time (named in service)",
            content = @Content(mediaType = ServiceProblems.MEDIA_TYPE, schema = @Schema(implementation = ReleaseProblem.class)))
    public CompletionStage<Response> getRelease(
            @Parameter(description = "The release's name", example = "2020-12",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReleaseRules.NAME))
            @PathParam("name") String name,
            @Parameter(description = "Passed to the services") @HeaderParam("Authorization") String authorization,
            @Parameter(description = "Passed to the services and echoed; a new one when absent or unusable")
            @HeaderParam(CORRELATION_ID) String correlationId,
            @Context UriInfo uri) {
        String correlation = ServiceRoutes.correlationId(correlationId);
        String instance = instance(uri);
        Response unknown = unknownParameters(uri, instance, correlation);
        if (unknown != null) {
            return CompletableFuture.completedFuture(unknown);
        }
        String nameProblem = ReleaseRules.nameProblem(name);
        if (nameProblem != null) {
            return CompletableFuture.completedFuture(problem(400, ServiceProblems.invalid("name: " + nameProblem, instance,
                    new JsonArray().add(new JsonObject().put("field", "name").put("message", nameProblem))), correlation));
        }
        return fanOut.get(name, headers(authorization, correlation)).handle((held, failure) -> {
            if (failure != null) {
                return failure(failure, "GET", instance, correlation);
            }
            if (held.isEmpty()) {
                return problem(404, ServiceProblems.of("not-found", "Not found", 404,
                        "No service holds a release named " + name, instance), correlation);
            }
            Map<String, JsonObject> parts = new LinkedHashMap<>();
            held.forEach((route, part) -> parts.put(ReleaseFanOut.collection(route), part));
            return Response.ok(merged(parts).json().encode(), MediaType.APPLICATION_JSON)
                    .header(CORRELATION_ID, correlation).build();
        });
    }

    private MergedRelease merged(Map<String, JsonObject> parts) {
        MergedRelease release = MergedRelease.of(parts, collections());
        warnIfInconsistent(release);
        return release;
    }

    private static void warnIfInconsistent(MergedRelease release) {
        if (!release.consistent()) {
            LOG.warnf("Release %s: the services' parts disagree on freezesAt or note; it is listed as incomplete",
                    release.name());
        }
    }

    private List<String> collections() {
        return fanOut.services().stream().map(ReleaseFanOut::collection).toList();
    }

    /** Why a service does not hold the release after a cut, in words. */
    private String reason(ReleaseFanOut.Answer answer) {
        if (answer.outcome() == ReleaseFanOut.Outcome.NOT_ASKED) {
            return answer.why();
        }
        if (answer.outcome() == ReleaseFanOut.Outcome.REFUSED) {
            return "refused it with " + answer.status();
        }
        if (answer.body() != null) {
            String detail = problemDetail(answer.body());
            return "answered " + (answer.status() == 503 ? "503, not ready" : "an error")
                    + (detail == null ? "" : ": " + detail);
        }
        return switch (answer.status()) {
            case 503 -> "cannot be reached";
            case 504 -> "did not answer within " + config.cutTimeout() + "; it may still be cutting its part";
            default -> "answered something the gateway cannot use";
        };
    }

    private static String problemDetail(String body) {
        try {
            return new JsonObject(body).getString("detail");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A service's own problem document for a 4xx it answered, or one of the gateway's when it sent none. */
    private static JsonObject serviceProblem(ReleaseFanOut.Answer answer, String instance) {
        JsonObject problem = null;
        if (answer.body() != null && !answer.body().isBlank()) {
            try {
                problem = new JsonObject(answer.body());
            } catch (RuntimeException e) {
                problem = null;
            }
        }
        if (problem == null) {
            problem = ServiceProblems.of("service-refused", "Refused by a service", answer.status(),
                    answer.service() + " refused the release with " + answer.status(), instance);
        }
        if (!problem.containsKey("service")) {
            problem.put("service", answer.service());
        }
        return problem;
    }

    /** The largest Retry-After in seconds any of the answers gave, on the response. */
    private static Response withRetryAfter(Response response, List<ReleaseFanOut.Answer> answers) {
        long seconds = -1;
        for (ReleaseFanOut.Answer answer : answers) {
            if (answer.retryAfter() != null && answer.retryAfter().strip().matches("\\d{1,9}")) {
                seconds = Math.max(seconds, Long.parseLong(answer.retryAfter().strip()));
            }
        }
        return seconds < 0 ? response : Response.fromResponse(response).header("Retry-After", seconds).build();
    }

    private static Response failure(Throwable failure, String method, String instance, String correlation) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof ServiceFailure serviceFailure)) {
            LOG.errorf(cause, "%s %s failed [%s]", method, instance, correlation);
            return problem(502, ServiceProblems.of("bad-gateway", "Bad gateway", 502,
                    "The services' releases could not be read", instance), correlation);
        }
        LOG.warnf("%s %s: %s; %d [%s]", method, instance, serviceFailure.getMessage(), serviceFailure.status(), correlation);
        if (serviceFailure.body() != null && !serviceFailure.body().isBlank()) {
            return Response.status(serviceFailure.status()).type(ServiceProblems.MEDIA_TYPE).entity(serviceFailure.body())
                    .header(CORRELATION_ID, correlation).build();
        }
        return problem(serviceFailure.status(), ServiceProblems.problem(serviceFailure.status(), serviceFailure.service(),
                instance), correlation);
    }

    /** Every query parameter is refused, never ignored: these operations take none. */
    private static Response unknownParameters(UriInfo uri, String instance, String correlation) {
        List<String> given = uri.getQueryParameters().keySet().stream().sorted().toList();
        if (given.isEmpty()) {
            return null;
        }
        JsonArray errors = new JsonArray();
        given.forEach(name -> errors.add(new JsonObject().put("field", name).put("message", "unknown query parameter;"
                + " this operation takes none")));
        return problem(400, ServiceProblems.invalid(given.get(0) + ": unknown query parameter; this operation takes"
                + " none", instance, errors), correlation);
    }

    private static Map<String, String> headers(String authorization, String correlation) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        forwarded.put(CORRELATION_ID, correlation);
        if (authorization != null) {
            forwarded.put("Authorization", authorization);
        }
        return forwarded;
    }

    private static String instance(UriInfo uri) {
        return QueryToken.removedFrom(uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
    }

    private static Response problem(int status, JsonObject problem, String correlation) {
        return Response.status(status).type(ServiceProblems.MEDIA_TYPE).entity(problem.encode())
                .header(CORRELATION_ID, correlation).build();
    }

    /** The body of a cut, for the OpenAPI document. */
    @Schema(name = "ReleaseCutRequest", description = "A release to cut")
    public record ReleaseCutRequest(
            @Schema(description = "The release's name: " + ReleaseRules.NAME_RULE, example = "2020-12",
                    pattern = ReleaseRules.NAME, maxLength = 64, required = true) String name,
            @Schema(description = "The instant the release freezes (ISO 8601, UTC), floored to microseconds; not in"
                    + " the future. The gateway's clock now when absent", example = "2020-12-31T23:59:59Z",
                    format = "date-time") String freezesAt,
            @Schema(description = "Why the release is cut: 1 to " + ReleaseRules.MAX_NOTE + " characters, not blank",
                    example = "The record as it stood at the end of 2020, for the annual report",
                    minLength = 1, maxLength = ReleaseRules.MAX_NOTE, required = true) String note) {
    }

    /** A merged release, for the OpenAPI document. */
    @Schema(name = "MergedRelease", description = "A release of the whole ledger, merged from the services' parts")
    public record ReleaseDocument(
            @Schema(description = "The release's name", example = "2020-12") String name,
            @Schema(description = "The instant every collection is frozen at (UTC)", example = "2020-12-31T23:59:59Z",
                    format = "date-time") String freezesAt,
            @Schema(description = "Why it was cut") String note,
            @Schema(description = "Who cut it (of the earliest part)", example = "admin@example.org") String cutBy,
            @Schema(description = "When it was cut: the earliest of the parts (UTC)", format = "date-time",
                    example = "2026-12-07T22:10:00.123456Z") String cutAt,
            @Schema(description = "Whether every collection holds it (and all agree on freezesAt and note); when"
                    + " false, cut it again with the same values to complete it") boolean complete,
            @Schema(description = "The collections that hold it") ReleaseCollections collections) {
    }

    /** The collections of a merged release, for the OpenAPI document. */
    @Schema(name = "MergedReleaseCollections", description = "Each collection's part of a release; only those that hold it")
    public record ReleaseCollections(ReleaseCollection actors, ReleaseCollection events, ReleaseCollection agreements) {
    }

    /** One collection's part of a merged release, for the OpenAPI document. */
    @Schema(name = "MergedReleaseCollection", description = "One collection as a release froze it")
    public record ReleaseCollection(
            @Schema(description = "SHA-256 of the collection's canonical export as of freezesAt",
                    example = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    pattern = "sha256:[0-9a-f]{64}") String contentHash,
            @Schema(description = "Records in that export", example = "12034") long records,
            @Schema(description = "Where to download that export",
                    example = "/api/v1/events/exports/canonical?release=2020-12") String export) {
    }

    /** The list of releases, for the OpenAPI document. */
    @Schema(name = "MergedReleaseList", description = "Every release, newest first")
    public record ReleaseList(@Schema(description = "The releases, newest first by freezesAt, then by name")
                              List<ReleaseDocument> items) {
    }

    /** A problem document of the releases, for the OpenAPI document. */
    @Schema(name = "ReleaseProblem", description = "RFC 9457 problem details, with which services hold the release"
            + " after a cut that did not complete")
    public record ReleaseProblem(
            @Schema(example = "urn:conflict-ledger:problem:release-incomplete") String type,
            @Schema(example = "Release incomplete") String title,
            @Schema(example = "503") int status,
            String detail,
            String instance,
            @Schema(description = "The service whose answer this is, or the first that could not answer",
                    example = "events-service") String service,
            @Schema(description = "The release's name, after a cut", example = "2020-12") String release,
            @Schema(description = "After a cut: the services that hold the release now") List<String> heldBy,
            @Schema(description = "After a cut: the services that do not hold it, with their status")
            List<MissingPart> missing,
            @Schema(description = "The fields at fault, for a 400") List<Map<String, String>> errors) {
    }

    /** A service that does not hold a release after a cut, for the OpenAPI document. */
    @Schema(name = "ReleaseMissingPart", description = "A service that does not hold the release after a cut")
    public record MissingPart(
            @Schema(example = "events-service") String service,
            @Schema(description = "Its status, or the gateway's 502, 503 or 504 for it", example = "503") int status,
            @Schema(example = "cannot be reached") String detail) {
    }
}
