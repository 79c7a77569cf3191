package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.conflictledger.contracts.ExternalId;

/**
 * Records an identifier the actor has in another dataset; one the actor already has changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record AddActorExternalId(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        ExternalId externalId) {
}
