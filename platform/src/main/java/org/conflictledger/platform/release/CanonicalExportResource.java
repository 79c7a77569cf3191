package org.conflictledger.platform.release;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.export.CanonicalJson;
import org.conflictledger.platform.export.ExportInstant;
import org.conflictledger.platform.export.HashedExport;
import org.conflictledger.platform.export.JsonLines;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET <collection>/exports/canonical}: the service's {@link CanonicalExport}, as of an instant or a release,
 * with the hash of its bytes; for a release, the hash the release names. A service adds it with a subclass that
 * names its collection's exports path ({@code /api/v1/events/exports}: a class of its own on that path, next to
 * the other exports) and its tag.
 */
public abstract class CanonicalExportResource {
    private final CanonicalExport canonical;
    private final CanonicalJson json;
    private final Releases releases;

    protected CanonicalExportResource(CanonicalExport canonical, CanonicalJson json, Releases releases) {
        this.canonical = canonical;
        this.json = json;
        this.releases = releases;
    }

    /** Where a release's canonical export of a collection is downloaded. */
    public static String path(String collection, String release) {
        return "/api/v1/" + collection + "/exports/canonical?release=" + URLEncoder.encode(release, StandardCharsets.UTF_8);
    }

    @GET
    @Path("/canonical")
    @Produces(JsonLines.MEDIA_TYPE)
    @Operation(operationId = "export{Record}Canonical", summary = "Export every record, canonically (JSON Lines)",
            description = "Every record of the collection, whatever its status, as it stood at asOf, at a release's"
                    + " instant (release=NAME), or now (Ledger-Read-At): one JSON object per line (actors with their"
                    + " relationships; events and agreements with actors by id only; agreements with their terms),"
                    + " properties in alphabetical order, in a fixed order of records (docs/exports.md). The same instant gives the same bytes; Ledger-Content-Hash carries their"
                    + " SHA-256, which for a release is the contentHash it names. 503 read-models-behind while the read"
                    + " model has not processed every stored event (retry after Retry-After).")
    @APIResponse(responseCode = "200", description = "The JSON Lines file",
            content = @Content(mediaType = JsonLines.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "asOf does not parse or is in the future, release names no"
            + " release, or both are given (named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "The collection as it stood at this instant (ISO 8601, UTC); not in the future",
                    example = "2020-11-10T00:00:00Z") @QueryParam("asOf") String asOf,
            @Parameter(description = "The collection as of a named release's instant (not with asOf)",
                    example = "2020-12") @QueryParam("release") String release) {
        ExportInstant instant = releases.exportInstant(asOf, release);
        return HashedExport.response(JsonLines.MEDIA_TYPE_UTF8, instant.fileName(canonical.collection(), "jsonl"),
                instant, out -> canonical.write(instant.at(), json.lines(out)));
    }
}
