package org.conflictledger.agreements.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.export.CanonicalJson;
import org.conflictledger.platform.release.CanonicalExport;
import org.conflictledger.platform.release.CanonicalExportResource;
import org.conflictledger.platform.release.Releases;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/agreements/exports/canonical}: every agreement, with its terms, as JSON Lines (see {@link CanonicalExportResource}). */
@Path("/api/v1/agreements/exports")
@Tag(name = "Agreements")
public class AgreementCanonicalExportResource extends CanonicalExportResource {

    AgreementCanonicalExportResource(CanonicalExport canonical, CanonicalJson json, Releases releases) {
        super(canonical, json, releases);
    }
}
