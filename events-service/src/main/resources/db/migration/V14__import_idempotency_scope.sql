-- An import's Idempotency-Key is the caller's own, as a create's is (platform's idempotency_key, V3): unique per
-- principal (idempotency_scope: the import scope and a digest of the principal), and it expires after
-- ledger.api.idempotency-key-ttl (a request that finds it older clears it from the old job). Keys recorded before
-- have no scope and so match no caller any more.
ALTER TABLE import_job ADD COLUMN idempotency_scope VARCHAR(100);
DROP INDEX import_job_idempotency_key;
CREATE UNIQUE INDEX import_job_idempotency_key ON import_job (idempotency_scope, idempotency_key);
