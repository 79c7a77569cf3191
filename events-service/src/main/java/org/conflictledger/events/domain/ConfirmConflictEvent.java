package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Confirms the event (a disputed one too); confirming a confirmed event changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record ConfirmConflictEvent(
        @TargetAggregateIdentifier UUID eventId,
        @TargetAggregateVersion Long expectedVersion) {
}
