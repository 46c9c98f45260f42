-- Module demo: whether the City A caseload was generated in this database (demo mode only; empty in production).

CREATE TABLE demo_caseload
(
    id           SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
    seed         BIGINT      NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    cases        INT,
    refused      INT
);
COMMENT ON TABLE demo_caseload IS 'One row once the City A demo caseload was started in this database: it is generated once, never again.';
COMMENT ON COLUMN demo_caseload.id IS 'Always 1: there is one caseload per database.';
COMMENT ON COLUMN demo_caseload.seed IS 'The random seed the caseload was generated with.';
COMMENT ON COLUMN demo_caseload.started_at IS 'When the generation started (real time, not the replayed one).';
COMMENT ON COLUMN demo_caseload.completed_at IS 'When it finished; null while running or when it was interrupted.';
COMMENT ON COLUMN demo_caseload.cases IS 'How many cases it made.';
COMMENT ON COLUMN demo_caseload.refused IS 'How many scripted steps the application refused (logged; zero when all went as written).';

GRANT SELECT, INSERT, UPDATE ON demo_caseload TO ${app_role};
