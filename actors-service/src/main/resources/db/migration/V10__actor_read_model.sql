-- Write side: the register of actor keys (claimed with the event that registers the actor).
CREATE TABLE actor_key (
    actor_key VARCHAR(64) NOT NULL PRIMARY KEY,
    actor_id  UUID        NOT NULL
);

-- Read model: rebuilt from the event store by replaying.
CREATE TABLE actor_view (
    id            UUID                     NOT NULL PRIMARY KEY,
    actor_key     VARCHAR(64)              NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    kind          VARCHAR(32)              NOT NULL,
    country       VARCHAR(3),
    affiliation   VARCHAR(64),
    status        VARCHAR(16)              NOT NULL,
    merged_into   UUID,
    version       BIGINT                   NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    search_text   VARCHAR(12000)           NOT NULL,
    CONSTRAINT uk_actor_view_key UNIQUE (actor_key)
);
CREATE INDEX ix_actor_view_kind ON actor_view (kind);
CREATE INDEX ix_actor_view_country ON actor_view (country);

CREATE TABLE actor_view_alias (
    actor_id UUID         NOT NULL REFERENCES actor_view (id),
    position INTEGER      NOT NULL,
    alias    VARCHAR(200) NOT NULL,
    PRIMARY KEY (actor_id, position)
);

CREATE TABLE relationship_view (
    id             UUID                     NOT NULL PRIMARY KEY,
    actor_id       UUID                     NOT NULL REFERENCES actor_view (id),
    kind           VARCHAR(32)              NOT NULL,
    counterpart_id UUID                     NOT NULL,
    theater        VARCHAR(32),
    valid_from     DATE,
    valid_until    DATE,
    confidence     DOUBLE PRECISION,
    ended          BOOLEAN                  NOT NULL,
    declared_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_relationship_view_actor ON relationship_view (actor_id);
CREATE INDEX ix_relationship_view_counterpart ON relationship_view (counterpart_id);
CREATE INDEX ix_actor_key_actor ON actor_key (actor_id);
