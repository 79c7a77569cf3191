-- The actor replica's name history (actor-replica's ActorReplicaName): how each actor was named from each recorded
-- instant on, so that an event read as of an instant names its actors as they were named then.
CREATE TABLE actor_replica_name (
    actor_id   UUID                     NOT NULL,
    event_sequence BIGINT               NOT NULL,
    valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_key  VARCHAR(64)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    status     VARCHAR(16)              NOT NULL,
    CONSTRAINT pk_actor_replica_name PRIMARY KEY (actor_id, event_sequence)
);
CREATE INDEX ix_actor_replica_name_valid_from ON actor_replica_name (actor_id, valid_from);

-- A replica kept before this version knows only each actor's name now: that name stands for all time (earlier
-- names are not in the replica; actors-service's history of the actor has them).
INSERT INTO actor_replica_name (actor_id, event_sequence, valid_from, actor_key, name, status)
SELECT id, last_sequence, TIMESTAMP WITH TIME ZONE '1800-01-01 00:00:00+00', actor_key, name, status
FROM actor_replica;
