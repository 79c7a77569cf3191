package org.conflictledger.events.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.release.ReleasesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/events/releases}: the conflict events' part of each named release (see {@link ReleasesResource}). */
@Path("/api/v1/events")
@Tag(name = "Conflict events")
public class ConflictEventReleasesResource extends ReleasesResource {

    ConflictEventReleasesResource(Releases releases) {
        super(releases);
    }
}
