package org.conflictledger.agreements.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** An actor party to an agreement, as signatory or witness: indexed for the signatory filter. */
@Embeddable
public class PartyRow {
    public static final String SIGNATORY = "SIGNATORY";
    public static final String WITNESS = "WITNESS";

    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Column(nullable = false, length = 16)
    public String role;

    protected PartyRow() {
    }

    PartyRow(UUID actorId, String role) {
        this.actorId = actorId;
        this.role = role;
    }
}
