package org.conflictledger.actors.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;

/**
 * Declares how this actor stands towards a counterpart, in a theater, over a valid-time interval
 * (an open end when {@code validUntil} is {@code null}), with a confidence in 0..1.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record DeclareRelationship(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        UUID relationshipId,
        RelationshipKind kind,
        UUID counterpartId,
        Theater theater,
        LocalDate validFrom,
        LocalDate validUntil,
        Double confidence) {
}
