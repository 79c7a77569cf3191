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

-- What this service knows of each conflict event from ledger.events.v1: enough to check evidence
-- and to know which agreement a reported violation was recorded on.
CREATE TABLE conflict_event_link (
    conflict_event_id UUID                     NOT NULL PRIMARY KEY,
    type              VARCHAR(40)              NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    event_date        DATE,
    agreement_id      UUID,
    term_reference    VARCHAR(200),
    last_sequence     BIGINT                   NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_conflict_event_link_agreement ON conflict_event_link (agreement_id);

-- Read model of the agreements: rebuilt from the event store by replaying.
CREATE TABLE agreement_view (
    id           UUID                     NOT NULL PRIMARY KEY,
    title        VARCHAR(300)             NOT NULL,
    kind         VARCHAR(32)              NOT NULL,
    theater      VARCHAR(32)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    signed_on    DATE,
    in_force_at  TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE,
    pax_id       VARCHAR(64),
    version      BIGINT                   NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    search_text  VARCHAR(12000)           NOT NULL,
    document     VARCHAR(10000000)        NOT NULL
);
CREATE INDEX ix_agreement_view_signed ON agreement_view (signed_on, id);
CREATE INDEX ix_agreement_view_theater ON agreement_view (theater);

CREATE TABLE agreement_party (
    agreement_id UUID        NOT NULL REFERENCES agreement_view (id),
    position     INTEGER     NOT NULL,
    actor_id     UUID        NOT NULL,
    role         VARCHAR(16) NOT NULL,
    PRIMARY KEY (agreement_id, position)
);
CREATE INDEX ix_agreement_party_actor ON agreement_party (actor_id, role);
