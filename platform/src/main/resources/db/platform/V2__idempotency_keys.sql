-- Idempotency-Key of create requests: a retried create returns the first result.
CREATE TABLE idempotency_key (
    scope           VARCHAR(64)              NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    record_id       VARCHAR(255)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
