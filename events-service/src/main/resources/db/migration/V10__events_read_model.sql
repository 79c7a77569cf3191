-- Replica of the actors, kept from ledger.actors.v1 (never written by this service's API).
CREATE TABLE actor_replica (
    id            UUID                     NOT NULL PRIMARY KEY,
    actor_key     VARCHAR(64)              NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    kind          VARCHAR(32),
    status        VARCHAR(16)              NOT NULL,
    merged_into   UUID,
    aliases       VARCHAR(12000)           NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    last_event_id VARCHAR(64)              NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_actor_replica_key UNIQUE (actor_key)
);

-- Read model of the conflict events: rebuilt from the event store by replaying.
CREATE TABLE conflict_event_view (
    id           UUID                     NOT NULL PRIMARY KEY,
    theater      VARCHAR(32)              NOT NULL,
    type         VARCHAR(40)              NOT NULL,
    sub_type     VARCHAR(64),
    event_date   DATE                     NOT NULL,
    last_date    DATE                     NOT NULL,
    latitude     DOUBLE PRECISION,
    longitude    DOUBLE PRECISION,
    agreement_id UUID,
    acled_id     VARCHAR(64),
    status       VARCHAR(16)              NOT NULL,
    version      BIGINT                   NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    search_text  VARCHAR(12000)           NOT NULL,
    details      VARCHAR(1000000)         NOT NULL
);
CREATE INDEX ix_conflict_event_view_date ON conflict_event_view (event_date, id);
CREATE INDEX ix_conflict_event_view_theater ON conflict_event_view (theater);
CREATE INDEX ix_conflict_event_view_agreement ON conflict_event_view (agreement_id);
CREATE INDEX ix_conflict_event_view_acled ON conflict_event_view (acled_id);

CREATE TABLE conflict_event_actor (
    event_id UUID        NOT NULL REFERENCES conflict_event_view (id),
    position INTEGER     NOT NULL,
    actor_id UUID        NOT NULL,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX ix_conflict_event_actor_actor ON conflict_event_actor (actor_id, role);
