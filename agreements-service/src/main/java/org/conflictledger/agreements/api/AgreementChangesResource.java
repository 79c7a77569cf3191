package org.conflictledger.agreements.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.ChangePages;
import org.conflictledger.platform.api.ChangesResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/agreements/changes}: every change of every record of this service, newest first (see {@link ChangesResource}). */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
public class AgreementChangesResource extends ChangesResource {

    AgreementChangesResource(ChangePages pages) {
        super(pages);
    }
}
