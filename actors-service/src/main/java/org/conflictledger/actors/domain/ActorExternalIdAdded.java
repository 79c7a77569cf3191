package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.ExternalId;

/** The actor is known in another dataset by {@code scheme}:{@code value}. */
@Revision("1")
public record ActorExternalIdAdded(
        UUID actorId,
        String scheme,
        String value) {

    public ExternalId externalId() {
        return new ExternalId(scheme, value);
    }
}
