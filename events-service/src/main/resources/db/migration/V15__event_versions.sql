-- The states of conflict events that later events replaced, from updated_at (inclusive) to recorded_to (exclusive):
-- with conflict_event_view (the current states) they answer a list as of an instant. Same columns and list indexes
-- as the view.
CREATE TABLE conflict_event_version (
    row_id       UUID                     NOT NULL PRIMARY KEY,
    event_id     UUID                     NOT NULL,
    recorded_to  TIMESTAMP WITH TIME ZONE NOT NULL,
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
    details      VARCHAR(1000000)         NOT NULL,
    CONSTRAINT uk_conflict_event_version UNIQUE (event_id, version)
);
CREATE INDEX ix_conflict_event_version_date ON conflict_event_version (event_date, event_id);
CREATE INDEX ix_conflict_event_version_theater_date ON conflict_event_version (theater, event_date, event_id);
CREATE INDEX ix_conflict_event_version_type_date ON conflict_event_version (type, event_date, event_id);
CREATE INDEX ix_conflict_event_version_status_date ON conflict_event_version (status, event_date, event_id);
CREATE INDEX ix_conflict_event_version_agreement ON conflict_event_version (agreement_id);
CREATE INDEX ix_conflict_event_version_acled ON conflict_event_version (acled_id);

CREATE TABLE conflict_event_version_actor (
    row_id   UUID        NOT NULL REFERENCES conflict_event_version (row_id),
    position INTEGER     NOT NULL,
    actor_id UUID        NOT NULL,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (row_id, position)
);
CREATE INDEX ix_conflict_event_version_actor_actor ON conflict_event_version_actor (actor_id, role);

-- Whether conflict_event_version holds every replaced state. A store that already has events was written by a version
-- that kept none: its lists as of an instant answer 503 history-not-built until a read-model rebuild
-- (POST /api/v1/events/admin/read-model/rebuild) has replayed them into both tables, which sets this. Nothing is
-- emptied here, so the replicas still running the previous version keep serving during a rolling upgrade.
CREATE TABLE conflict_event_history (
    id       INTEGER NOT NULL PRIMARY KEY,
    complete BOOLEAN NOT NULL
);
INSERT INTO conflict_event_history (id, complete)
    VALUES (1, NOT EXISTS (SELECT 1 FROM conflict_event_view));
