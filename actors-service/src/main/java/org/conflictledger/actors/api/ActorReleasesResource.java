package org.conflictledger.actors.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.release.ReleasesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/actors/releases}: the actors' part of each named release (see {@link ReleasesResource}). */
@Path("/api/v1/actors")
@Tag(name = "Actors")
public class ActorReleasesResource extends ReleasesResource {

    ActorReleasesResource(Releases releases) {
        super(releases);
    }
}
