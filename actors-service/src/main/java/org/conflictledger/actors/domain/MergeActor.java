package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Marks the actor as a duplicate merged into another; afterwards it accepts no change.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record MergeActor(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        UUID intoActorId) {
}
