package org.conflictledger.actorreplica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * An id an actor has in another dataset ({@code scheme}:{@code value}, e.g. {@code acled:Military Forces of Turkey
 * (2016-)}), as the actor record says now: added and removed with the actor's external-id events, so that an import
 * can find actors by the names other datasets give them.
 */
@Entity
@Table(name = "actor_replica_external_id")
@IdClass(ActorReplicaExternalId.Key.class)
public class ActorReplicaExternalId extends PanacheEntityBase {
    @Id
    @Column(name = "actor_id")
    public UUID actorId;
    @Id
    @Column(length = 32)
    public String scheme;
    @Id
    @Column(name = "external_value", length = 200)
    public String value;

    /** Adds the id to the actor (a replayed event finds it there and changes nothing). */
    static void add(UUID actorId, String scheme, String value) {
        if (findById(key(actorId, scheme, value)) == null) {
            ActorReplicaExternalId row = new ActorReplicaExternalId();
            row.actorId = actorId;
            row.scheme = scheme;
            row.value = value;
            row.persist();
        }
    }

    static void remove(UUID actorId, String scheme, String value) {
        deleteById(key(actorId, scheme, value));
    }

    private static Key key(UUID actorId, String scheme, String value) {
        Key key = new Key();
        key.actorId = actorId;
        key.scheme = scheme;
        key.value = value;
        return key;
    }

    /** The composite primary key (actor, scheme, value). */
    public static class Key implements Serializable {
        public UUID actorId;
        public String scheme;
        public String value;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.actorId.equals(actorId) && key.scheme.equals(scheme)
                    && key.value.equals(value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(actorId, scheme, value);
        }
    }
}
