package org.conflictledger.events.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.export.CanonicalJson;
import org.conflictledger.platform.release.CanonicalExport;
import org.conflictledger.platform.release.CanonicalExportResource;
import org.conflictledger.platform.release.Releases;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/events/exports/canonical}: every conflict event as JSON Lines (see {@link CanonicalExportResource}). */
@Path("/api/v1/events/exports")
@Tag(name = "Conflict events")
public class ConflictEventCanonicalExportResource extends CanonicalExportResource {

    ConflictEventCanonicalExportResource(CanonicalExport canonical, CanonicalJson json, Releases releases) {
        super(canonical, json, releases);
    }
}
