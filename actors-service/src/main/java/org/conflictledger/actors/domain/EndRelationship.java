package org.conflictledger.actors.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Ends one of the actor's relationships on the given date.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record EndRelationship(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        UUID relationshipId,
        LocalDate validUntil) {
}
