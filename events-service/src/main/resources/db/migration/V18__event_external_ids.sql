-- External ids of conflict events (issue #16): every identifier an event has in another dataset, ACLED's event id
-- (scheme acled) and UCDP GED's (ucdp-ged) included, for the externalId filter of lists as of now and as of an
-- instant; and the write side's register that keeps an identifier on one event.

CREATE TABLE conflict_event_external_id (
    event_id       UUID         NOT NULL REFERENCES conflict_event_view (id),
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (event_id, scheme, external_value)
);
CREATE INDEX ix_conflict_event_external_id_value ON conflict_event_external_id (scheme, external_value);

CREATE TABLE conflict_event_version_external_id (
    row_id         UUID         NOT NULL REFERENCES conflict_event_version (row_id),
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (row_id, scheme, external_value)
);
CREATE INDEX ix_conflict_event_version_external_id_value
    ON conflict_event_version_external_id (scheme, external_value);

-- Events recorded before this version: their ACLED ids are in a column and are copied; their UCDP GED ids are only in
-- the details, and a read-model rebuild (POST /api/v1/events/admin/read-model/rebuild) lists them.
INSERT INTO conflict_event_external_id (event_id, scheme, external_value)
    SELECT id, 'acled', acled_id FROM conflict_event_view WHERE acled_id IS NOT NULL;
INSERT INTO conflict_event_version_external_id (row_id, scheme, external_value)
    SELECT row_id, 'acled', acled_id FROM conflict_event_version WHERE acled_id IS NOT NULL;

-- Not a read model: never emptied by a rebuild.
CREATE TABLE external_id_claim (
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    record_id      UUID         NOT NULL,
    PRIMARY KEY (scheme, external_value)
);
CREATE INDEX ix_external_id_claim_record ON external_id_claim (record_id);

-- An ACLED id that events recorded before already share stays with the first reported of them that is not retracted;
-- the others keep it, but a correction of one of them must drop it.
INSERT INTO external_id_claim (scheme, external_value, record_id)
    SELECT 'acled', v.acled_id, v.id FROM conflict_event_view v
    WHERE v.acled_id IS NOT NULL AND v.status <> 'RETRACTED'
      AND NOT EXISTS (SELECT 1 FROM conflict_event_view w
                      WHERE w.acled_id = v.acled_id AND w.status <> 'RETRACTED'
                        AND (w.reported_at < v.reported_at
                             OR (w.reported_at = v.reported_at
                                 AND CAST(w.id AS VARCHAR(36)) < CAST(v.id AS VARCHAR(36)))));
