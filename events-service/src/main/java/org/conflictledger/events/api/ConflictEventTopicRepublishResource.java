package org.conflictledger.events.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.TopicRepublishResource;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/events/admin/topic/republish} (see {@link TopicRepublishResource}). */
@Path("/api/v1/events")
@Tag(name = "Conflict events")
public class ConflictEventTopicRepublishResource extends TopicRepublishResource {

    ConflictEventTopicRepublishResource(ReadModels readModels, LedgerConfig config) {
        super(readModels, config);
    }
}
