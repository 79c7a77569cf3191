package org.conflictledger.actorreplica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What this service knows of an actor, from the actor events on {@code ledger.actors.v1}. */
@Entity
@Table(name = "actor_replica")
public class ActorReplica extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "actor_key", nullable = false, length = 64)
    public String key;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(length = 32)
    public String kind;
    /** ACTIVE, MERGED or RETRACTED. */
    @Column(nullable = false, length = 16)
    public String status;
    @Column(name = "merged_into")
    public UUID mergedInto;
    /** Lower-case aliases, one per line. */
    @Column(nullable = false, length = 12000)
    public String aliases;
    /** The sequence of the last actor event applied: older or repeated events are skipped. */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
    @Column(name = "last_event_id", nullable = false, length = 64)
    public String lastEventId;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ActorRef toRef() {
        return new ActorRef(id, key, name, status);
    }
}
