package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.conflictledger.contracts.ActorKind;

/**
 * Corrects what kind of actor this is; the current kind again changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record CorrectActorKind(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        ActorKind kind) {
}
