package org.conflictledger.platform.release;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.conflictledger.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/**
 * {@code <collection>/releases}: the service's part of each named release. The gateway's {@code /api/v1/releases}
 * cuts a release in every service at one instant and lists them joined; this is what it calls. A service adds it
 * with a subclass that names its collection and tag, as for {@code ChangesResource}. Cutting needs the admin role
 * (every write to a {@code releases} path does).
 */
public abstract class ReleasesResource {
    private final Releases releases;

    protected ReleasesResource(Releases releases) {
        this.releases = releases;
    }

    /** The parts of the releases, for the OpenAPI document. */
    @Schema(name = "ReleaseParts", description = "This service's part of every release, newest instant first")
    public record ReleaseParts(@Schema(description = "The parts") List<Release> items) {
    }

    @GET
    @Path("/releases")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "list{Record}Releases", summary = "This collection's part of every release",
            description = "Each named release as far as this collection goes: its instant, who cut it and why, and the"
                    + " SHA-256 of the collection's canonical export at that instant. GET /api/v1/releases (the"
                    + " gateway) joins the three collections. Newest instant first; releases are few, so one page.")
    @APIResponse(responseCode = "200", description = "The parts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseParts.class)))
    public ReleaseParts list() {
        return new ReleaseParts(releases.all());
    }

    @GET
    @Path("/releases/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "get{Record}Release", summary = "This collection's part of a release",
            description = "The release of that name as far as this collection goes: its instant, note, who cut it,"
                    + " and the hash of the collection's canonical export at that instant.")
    @APIResponse(responseCode = "200", description = "The part",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Release.class)))
    @APIResponse(responseCode = "400", description = "The name breaks the rule of release names (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No release of that name here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Release get(@Parameter(description = "The release's name", example = "2020-12") @PathParam("name") String name) {
        return releases.find(name);
    }

    @PUT
    @Path("/releases/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cut{Record}Release", summary = "Cut this collection's part of a release",
            description = "Freezes the collection at freezesAt for citation: hashes its canonical export at that"
                    + " instant and keeps the hash, the note and who cut it. Never changes afterwards: the same request"
                    + " again answers 200 with the part as cut; other values for the same name are refused (409"
                    + " release-exists). Use POST /api/v1/releases on the gateway to cut a release of every"
                    + " collection at once. Needs the admin role. Reads the collection only once ledger.releases.settle"
                    + " (30 s) has passed since freezesAt, so that writes under way then have committed; then takes as"
                    + " long as the export (the whole collection).")
    @APIResponse(responseCode = "201", description = "Cut now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Release.class)))
    @APIResponse(responseCode = "200", description = "Cut before with the same instant and note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Release.class)))
    @APIResponse(responseCode = "400", description = "A bad name, freezesAt (missing, not an instant, in the future) or"
            + " note (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "release-exists: the name was cut with another instant or note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "read-models-behind: retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cut(@Parameter(description = "The release's name", example = "2020-12") @PathParam("name") String name,
                        ReleaseRequest request) {
        Releases.Cut cut = releases.cut(name, request);
        if (!cut.created()) {
            return Response.ok(cut.release()).build();
        }
        return Response.created(URI.create("/api/v1/" + cut.release().collection() + "/releases/" + name))
                .entity(cut.release()).build();
    }
}
