package org.conflictledger.agreements.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.release.ReleasesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/agreements/releases}: the agreements' part of each named release (see {@link ReleasesResource}). */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
public class AgreementReleasesResource extends ReleasesResource {

    AgreementReleasesResource(Releases releases) {
        super(releases);
    }
}
