package org.conflictledger.events.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.conflictledger.contracts.ActorRole;

import java.util.UUID;

/** An actor involved in an event, in a role: indexed for the actor and role filters. */
@Embeddable
public class ParticipantRow {
    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ActorRole role;

    protected ParticipantRow() {
    }

    ParticipantRow(UUID actorId, ActorRole role) {
        this.actorId = actorId;
        this.role = role;
    }
}
