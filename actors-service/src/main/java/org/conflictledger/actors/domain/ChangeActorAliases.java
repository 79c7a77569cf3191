package org.conflictledger.actors.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Replaces the actor's aliases (trimmed, deduplicated case-insensitively, the name itself
 * dropped); the same list again changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record ChangeActorAliases(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        List<String> aliases) {
}
