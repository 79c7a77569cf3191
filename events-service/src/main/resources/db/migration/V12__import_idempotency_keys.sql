-- An import sent with an Idempotency-Key is recorded as a job under that key, so that a retry gets the first
-- request's report or job back instead of starting another import. synchronous: the first request asked for the
-- report in its answer (200), not for a job (202).
ALTER TABLE import_job ADD COLUMN idempotency_key VARCHAR(200);
ALTER TABLE import_job ADD COLUMN request_hash VARCHAR(64);
ALTER TABLE import_job ADD COLUMN synchronous BOOLEAN DEFAULT FALSE NOT NULL;
CREATE UNIQUE INDEX import_job_idempotency_key ON import_job (idempotency_key);
