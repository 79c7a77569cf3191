-- CSV imports run as jobs when the file is large (or the client prefers respond-async): POST …/import answers 202
-- with the job, GET /api/v1/events/imports/{id} shows its progress and, when done, its row report (JSON).
CREATE TABLE import_job (
    id             UUID                     NOT NULL PRIMARY KEY,
    state          VARCHAR(16)              NOT NULL,
    principal      VARCHAR(320)             NOT NULL,
    total_rows     INTEGER                  NOT NULL,
    processed_rows INTEGER                  NOT NULL,
    report         BYTEA,
    error          VARCHAR(4000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
