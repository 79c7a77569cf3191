package org.conflictledger.actors.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.api.TopicRepublishResource;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/actors/admin/topic/republish} (see {@link TopicRepublishResource}). */
@Path("/api/v1/actors")
@Tag(name = "Actors")
public class ActorTopicRepublishResource extends TopicRepublishResource {

    ActorTopicRepublishResource(ReadModels readModels, LedgerConfig config) {
        super(readModels, config);
    }
}
