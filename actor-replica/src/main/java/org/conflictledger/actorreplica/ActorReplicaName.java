package org.conflictledger.actorreplica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * How an actor was named from an instant on: one row per actor event that changed its name or status (its
 * registration, renames, merge, retraction), so that a record read as of an instant names its actors as they were
 * named then. A replayed event replaces its row.
 */
@Entity
@Table(name = "actor_replica_name")
@IdClass(ActorReplicaName.Key.class)
public class ActorReplicaName extends PanacheEntityBase {
    @Id
    @Column(name = "actor_id")
    public UUID actorId;
    /** The sequence of the actor event that gave this name. */
    @Id
    @Column(name = "event_sequence")
    public long sequence;
    /** When that event was recorded: the name holds from then until the next row's. */
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "actor_key", nullable = false, length = 64)
    public String key;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(nullable = false, length = 16)
    public String status;

    /**
     * Records the actor's name as it stands after the event of its last sequence, recorded at {@code validFrom}. A
     * row of that sequence already there (the replica was emptied and the topic replayed, or the row came from the
     * migration that started the history) is replaced.
     */
    static void record(ActorReplica actor, Instant validFrom) {
        Key key = new Key();
        key.actorId = actor.id;
        key.sequence = actor.lastSequence;
        ActorReplicaName row = findById(key);
        if (row == null) {
            row = new ActorReplicaName();
            row.actorId = actor.id;
            row.sequence = actor.lastSequence;
        }
        // The databases keep microseconds; a finer instant could compare differently before and after storing.
        row.validFrom = validFrom.truncatedTo(ChronoUnit.MICROS);
        row.key = actor.key;
        row.name = actor.name;
        row.status = actor.status;
        row.persist();
    }

    ActorRef toRef() {
        return new ActorRef(actorId, key, name, status);
    }

    /** The composite primary key (actor, sequence). */
    public static class Key implements Serializable {
        public UUID actorId;
        public long sequence;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.actorId.equals(actorId) && key.sequence == sequence;
        }

        @Override
        public int hashCode() {
            return actorId.hashCode() * 31 + Long.hashCode(sequence);
        }
    }
}
