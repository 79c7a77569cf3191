package org.conflictledger.events.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.TransparencyLogResource;
import org.conflictledger.platform.transparency.LogCheck;
import org.conflictledger.platform.transparency.LogLeaves;
import org.conflictledger.platform.transparency.TransparencyLog;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/events/log/…}: this service's transparency log, checkpoints and proofs (see {@link TransparencyLogResource}). */
@Path("/api/v1/events")
@Tag(name = "Conflict events")
public class ConflictEventLogResource extends TransparencyLogResource {

    ConflictEventLogResource(TransparencyLog log, LogLeaves leaves, LogCheck check) {
        super(log, leaves, check);
    }
}
