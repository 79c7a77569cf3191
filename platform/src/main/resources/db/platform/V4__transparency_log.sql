-- The service's transparency log (RFC 9162): one leaf per stored event, in the order the log's processor met them
-- (store order, give or take commits that arrived late). A leaf, once written, never changes: its position and hash
-- are what signed checkpoints and proofs are about. Portable between H2 2.x and PostgreSQL.
CREATE TABLE log_leaf (
    log_position         BIGINT       NOT NULL PRIMARY KEY,
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    leaf_hash            VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_log_leaf_global_index UNIQUE (global_index)
);
CREATE INDEX ix_log_leaf_record ON log_leaf (aggregate_identifier, sequence_number);

-- Signed tree heads, one per tree size: clients keep them and ask for proofs against them.
CREATE TABLE log_checkpoint (
    tree_size  BIGINT       NOT NULL PRIMARY KEY,
    origin     VARCHAR(255) NOT NULL,
    root_hash  VARCHAR(64)  NOT NULL,
    signed_at  VARCHAR(64)  NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    signature  VARCHAR(200) NOT NULL,
    -- set once the checkpoint is on the service's topic; until then the signer tries again
    published  BOOLEAN      DEFAULT FALSE NOT NULL
);

-- The key the service signs with when none is configured (ledger.transparency.signing-key): generated once, by
-- the first replica to start; one row, so that every replica signs with the same key.
CREATE TABLE log_signing_key (
    id          SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
    key_id      VARCHAR(64)  NOT NULL,
    public_key  VARCHAR(400) NOT NULL,
    private_key VARCHAR(400) NOT NULL,
    created_at  VARCHAR(64)  NOT NULL
);
