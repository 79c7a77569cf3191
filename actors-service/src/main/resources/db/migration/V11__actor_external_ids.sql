-- Write side: the register of external ids that name one actor (claimed with the event that adds one, released
-- with the event that removes it). Like actor_key, never rebuilt.
CREATE TABLE actor_external_id_claim (
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    actor_id       UUID         NOT NULL,
    PRIMARY KEY (scheme, external_value)
);

-- Read model: each actor's external ids in the order they were added, rebuilt from the event store with actor_view.
CREATE TABLE actor_view_external_id (
    actor_id       UUID         NOT NULL REFERENCES actor_view (id),
    position       INTEGER      NOT NULL,
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (actor_id, position)
);
CREATE INDEX ix_actor_view_external_id_value ON actor_view_external_id (scheme, external_value);
