package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Gives the actor a new name (trimmed); renaming to the current name changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record RenameActor(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        String name) {
}
