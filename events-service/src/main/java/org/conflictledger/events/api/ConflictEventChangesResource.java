package org.conflictledger.events.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.ChangePages;
import org.conflictledger.platform.api.ChangesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/events/changes}: every change of every record of this service, newest first (see {@link ChangesResource}). */
@Path("/api/v1/events")
@Tag(name = "Conflict events")
public class ConflictEventChangesResource extends ChangesResource {

    ConflictEventChangesResource(ChangePages pages) {
        super(pages);
    }
}
