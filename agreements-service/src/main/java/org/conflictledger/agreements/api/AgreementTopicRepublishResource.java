package org.conflictledger.agreements.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.TopicRepublishResource;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/agreements/admin/topic/republish} (see {@link TopicRepublishResource}). */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
public class AgreementTopicRepublishResource extends TopicRepublishResource {

    AgreementTopicRepublishResource(ReadModels readModels, LedgerConfig config) {
        super(readModels, config);
    }
}
