-- A named release: this service's part of it (one row per collection the service keeps). Rows are only inserted,
-- never updated or deleted: a release is cited, and what a citation names must stay as it was cut.
CREATE TABLE ledger_release (
    name         VARCHAR(64)              NOT NULL,
    collection   VARCHAR(32)              NOT NULL,
    freezes_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    note         VARCHAR(8000)            NOT NULL,
    cut_by       VARCHAR(255)             NOT NULL,
    cut_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash VARCHAR(71)              NOT NULL,
    records      BIGINT                   NOT NULL,
    PRIMARY KEY (name, collection)
);
