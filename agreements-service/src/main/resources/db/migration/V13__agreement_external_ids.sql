-- External ids of agreements (issue #16): every identifier an agreement has in another dataset, its PA-X id (scheme
-- pax) included, for the externalId filter; and the write side's register that keeps an identifier on one agreement.

CREATE TABLE agreement_external_id (
    agreement_id   UUID         NOT NULL REFERENCES agreement_view (id),
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (agreement_id, scheme, external_value)
);
CREATE INDEX ix_agreement_external_id_value ON agreement_external_id (scheme, external_value);

-- Agreements recorded before this version: their PA-X ids are in a column.
INSERT INTO agreement_external_id (agreement_id, scheme, external_value)
    SELECT id, 'pax', pax_id FROM agreement_view WHERE pax_id IS NOT NULL;

-- Not a read model: never emptied by a rebuild.
CREATE TABLE external_id_claim (
    scheme         VARCHAR(32)  NOT NULL,
    external_value VARCHAR(200) NOT NULL,
    record_id      UUID         NOT NULL,
    PRIMARY KEY (scheme, external_value)
);
CREATE INDEX ix_external_id_claim_record ON external_id_claim (record_id);

-- A PA-X id that agreements recorded before already share stays with the first recorded of them; the others keep it,
-- but a correction of one of them must drop it.
INSERT INTO external_id_claim (scheme, external_value, record_id)
    SELECT 'pax', v.pax_id, v.id FROM agreement_view v
    WHERE v.pax_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM agreement_view w
                      WHERE w.pax_id = v.pax_id
                        AND (w.recorded_at < v.recorded_at
                             OR (w.recorded_at = v.recorded_at
                                 AND CAST(w.id AS VARCHAR(36)) < CAST(v.id AS VARCHAR(36)))));
