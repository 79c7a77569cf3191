package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Corrects the actor's country (ISO 3166-1 alpha-3, or {@code null} for none); the current country
 * again changes nothing.
 * {@code expectedVersion} is the version the caller last read; {@code null} means "no check".
 */
public record CorrectActorCountry(
        @TargetAggregateIdentifier UUID actorId,
        @TargetAggregateVersion Long expectedVersion,
        String country) {
}
