-- The actor replica's external ids (actor-replica's ActorReplicaExternalId): the ids each actor has in other datasets
-- now, so that an ACLED import finds actors by ACLED's names for them. Actors had none before this version.
CREATE TABLE actor_replica_external_id (
    actor_id       UUID         NOT NULL,
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    CONSTRAINT pk_actor_replica_external_id PRIMARY KEY (actor_id, scheme, external_value)
);
CREATE INDEX ix_actor_replica_external_id_value ON actor_replica_external_id (scheme, external_value);
