package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Replaces the event's details with a complete new set, checked like a report; details equal to
 * the current ones (after defaults and trimming) change nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record CorrectConflictEvent(
        @TargetAggregateIdentifier UUID eventId,
        @TargetAggregateVersion Long expectedVersion,
        ConflictEventDetails details) {
}
