package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.conflictledger.contracts.ActorKind;

/**
 * What kind of actor this is was corrected.
 */
@Revision("1")
public record ActorKindCorrected(
        UUID actorId,
        ActorKind previousKind,
        ActorKind kind) {
}
