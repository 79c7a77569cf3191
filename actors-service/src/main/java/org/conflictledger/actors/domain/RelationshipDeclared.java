package org.conflictledger.actors.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;

/**
 * The actor declared a relationship towards {@code counterpartId}; {@code validUntil} {@code null}
 * means open-ended.
 */
@Revision("1")
public record RelationshipDeclared(
        UUID actorId,
        UUID relationshipId,
        RelationshipKind kind,
        UUID counterpartId,
        Theater theater,
        LocalDate validFrom,
        LocalDate validUntil,
        Double confidence) {
}
