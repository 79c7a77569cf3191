package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Retracts the event from the record (it is kept, never deleted); afterwards it accepts no change.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record RetractConflictEvent(
        @TargetAggregateIdentifier UUID eventId,
        @TargetAggregateVersion Long expectedVersion) {
}
