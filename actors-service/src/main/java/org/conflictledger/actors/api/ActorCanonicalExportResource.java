package org.conflictledger.actors.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.export.CanonicalJson;
import org.conflictledger.platform.release.CanonicalExport;
import org.conflictledger.platform.release.CanonicalExportResource;
import org.conflictledger.platform.release.Releases;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/actors/exports/canonical}: every actor as JSON Lines (see {@link CanonicalExportResource}). */
@Path("/api/v1/actors/exports")
@Tag(name = "Actors")
public class ActorCanonicalExportResource extends CanonicalExportResource {

    ActorCanonicalExportResource(CanonicalExport canonical, CanonicalJson json, Releases releases) {
        super(canonical, json, releases);
    }
}
