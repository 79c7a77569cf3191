package org.conflictledger.events.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.access.CurrentCaller;
import org.conflictledger.platform.api.ParkedMessagesResource;
import org.conflictledger.platform.messaging.MessageParking;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/events/admin/parked} (see {@link ParkedMessagesResource}): the actor-replica consumer. */
@Path("/api/v1/events")
@Tag(name = "Conflict events")
public class ConflictEventParkedMessagesResource extends ParkedMessagesResource {

    ConflictEventParkedMessagesResource(MessageParking parking, CurrentCaller caller) {
        super(parking, caller);
    }
}
