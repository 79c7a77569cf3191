package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.conflictledger.contracts.ExternalId;

/**
 * Removes an identifier the actor has in another dataset (recorded by mistake, or withdrawn there).
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record RemoveActorExternalId(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        ExternalId externalId) {
}
