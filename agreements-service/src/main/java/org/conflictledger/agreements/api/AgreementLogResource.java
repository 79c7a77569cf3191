package org.conflictledger.agreements.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.TransparencyLogResource;
import org.conflictledger.platform.transparency.LogCheck;
import org.conflictledger.platform.transparency.LogLeaves;
import org.conflictledger.platform.transparency.TransparencyLog;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/agreements/log/…}: this service's transparency log, checkpoints and proofs (see {@link TransparencyLogResource}). */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
public class AgreementLogResource extends TransparencyLogResource {

    AgreementLogResource(TransparencyLog log, LogLeaves leaves, LogCheck check) {
        super(log, leaves, check);
    }
}
