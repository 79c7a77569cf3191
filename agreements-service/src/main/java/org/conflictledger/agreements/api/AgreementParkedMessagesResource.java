package org.conflictledger.agreements.api;

import jakarta.ws.rs.Path;
import org.conflictledger.platform.access.CurrentCaller;
import org.conflictledger.platform.api.ParkedMessagesResource;
import org.conflictledger.platform.messaging.MessageParking;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/agreements/admin/parked} (see {@link ParkedMessagesResource}): actor-replica and violations. */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
public class AgreementParkedMessagesResource extends ParkedMessagesResource {

    AgreementParkedMessagesResource(MessageParking parking, CurrentCaller caller) {
        super(parking, caller);
    }
}
