package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Disputes the event (a confirmed one too); disputing a disputed event changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record DisputeConflictEvent(
        @TargetAggregateIdentifier UUID eventId,
        @TargetAggregateVersion Long expectedVersion) {
}
