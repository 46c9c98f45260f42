-- Key rotation (doc/operations.md, doc/adr/0023): `--tongxin.keys.rotate` seals every encrypted value and keyed hash
-- again with the newest data key, column by column in small batches. This table keeps where each column got to, so that
-- a rotation that was stopped resumes there; it holds positions and counts, never a value. Only the owner role (the
-- application's own work) uses it.

CREATE TABLE platform_key_rotation
(
    target       VARCHAR(200) NOT NULL PRIMARY KEY,
    suite        VARCHAR(10)  NOT NULL,
    key_version  INT          NOT NULL,
    position     TEXT,
    rows_sealed  BIGINT       NOT NULL DEFAULT 0,
    started_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ
);
COMMENT ON TABLE platform_key_rotation IS 'Progress of the key rotation per encrypted column or keyed hash: how far it got, so a stopped run resumes.';
COMMENT ON COLUMN platform_key_rotation.target IS 'The column, as table.column.';
COMMENT ON COLUMN platform_key_rotation.suite IS 'The crypto suite the run seals with (STANDARD or SM).';
COMMENT ON COLUMN platform_key_rotation.key_version IS 'The key version the run seals with (the newest in the key file).';
COMMENT ON COLUMN platform_key_rotation.position IS 'Primary key of the last row done, as a JSON array; null before the first batch.';
COMMENT ON COLUMN platform_key_rotation.rows_sealed IS 'Values sealed anew by this run so far.';
COMMENT ON COLUMN platform_key_rotation.started_at IS 'When the run for this suite and key version started on the column.';
COMMENT ON COLUMN platform_key_rotation.updated_at IS 'Last batch.';
COMMENT ON COLUMN platform_key_rotation.finished_at IS 'When every row of the column was found current; null while under way.';
