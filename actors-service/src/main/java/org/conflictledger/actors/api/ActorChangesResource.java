package org.conflictledger.actors.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.ChangePages;
import org.conflictledger.platform.api.ChangesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/actors/changes}: every change of every record of this service, newest first (see {@link ChangesResource}). */
@Path("/api/v1/actors")
@Tag(name = "Actors")
public class ActorChangesResource extends ChangesResource {

    ActorChangesResource(ChangePages pages) {
        super(pages);
    }
}
