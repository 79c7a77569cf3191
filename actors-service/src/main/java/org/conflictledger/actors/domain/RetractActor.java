package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Retracts the actor from the record (it is kept, never deleted); afterwards it accepts no change.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record RetractActor(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion) {
}
