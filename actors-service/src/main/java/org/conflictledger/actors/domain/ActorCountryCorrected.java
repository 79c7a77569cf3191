package org.conflictledger.actors.domain;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The actor's country was corrected ({@code null}: none).
 */
@Revision("1")
public record ActorCountryCorrected(
        UUID actorId,
        String previousCountry,
        String country) {
}
