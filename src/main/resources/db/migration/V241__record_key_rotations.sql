-- Module platform: a record of every data-key rotation (`--tongxin.keys.rotate`, doc/operations.md) — who ran it, when,
-- to which key, how many values it sealed anew and how it ended — and of when Tongxin first wrote with each key version,
-- so that the system and security administrators see the last rotation and the key's age on their work page. Positions
-- and counts only, never a value or a key. Written by the owner role (the command, the start-up); the application role
-- reads them.

CREATE TABLE platform_key_rotation_run
(
    id          UUID         NOT NULL PRIMARY KEY,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    run_by      VARCHAR(200) NOT NULL,
    suite       VARCHAR(10)  NOT NULL,
    key_version INT          NOT NULL,
    resealed    BIGINT,
    remaining   BIGINT,
    outcome     VARCHAR(12)  NOT NULL,
    CHECK (outcome IN ('RUNNING', 'ROTATED', 'INCOMPLETE', 'FAILED'))
);
CREATE INDEX platform_key_rotation_run_started ON platform_key_rotation_run (started_at DESC);
COMMENT ON TABLE platform_key_rotation_run IS 'One row per run of the key rotation command: who, when, to which key, what it did, how it ended.';
COMMENT ON COLUMN platform_key_rotation_run.started_at IS 'When the run started.';
COMMENT ON COLUMN platform_key_rotation_run.finished_at IS 'When it ended; null while running, or when it was killed.';
COMMENT ON COLUMN platform_key_rotation_run.run_by IS 'Who ran it: the operating-system account and host of the command (no person logs in to run it).';
COMMENT ON COLUMN platform_key_rotation_run.suite IS 'The crypto suite it sealed with (STANDARD or SM).';
COMMENT ON COLUMN platform_key_rotation_run.key_version IS 'The key version it sealed with (the newest in the key file).';
COMMENT ON COLUMN platform_key_rotation_run.resealed IS 'Values and keyed hashes sealed anew by this run.';
COMMENT ON COLUMN platform_key_rotation_run.remaining IS 'Values and hashes still not under the key at its end (0 when complete).';
COMMENT ON COLUMN platform_key_rotation_run.outcome IS 'RUNNING (not ended: running or killed), ROTATED (everything current), INCOMPLETE (values remain, run again), FAILED (an error stopped it).';

CREATE TABLE platform_data_key_version
(
    suite         VARCHAR(10) NOT NULL,
    key_version   INT         NOT NULL,
    first_used_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (suite, key_version)
);
COMMENT ON TABLE platform_data_key_version IS 'When Tongxin first wrote with a key version and suite (at a start or a rotation): the key''s age on the administrators'' work page.';
COMMENT ON COLUMN platform_data_key_version.suite IS 'The crypto suite (STANDARD or SM).';
COMMENT ON COLUMN platform_data_key_version.key_version IS 'The key version of the key file.';
COMMENT ON COLUMN platform_data_key_version.first_used_at IS 'When an instance or the rotation command first found it the key new values are written with.';

GRANT SELECT ON platform_key_rotation_run, platform_data_key_version TO ${app_role};
