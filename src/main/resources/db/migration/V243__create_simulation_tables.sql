-- Module simulation (issue 14): what-if runs of a synthetic caseload, kept with their parameters and seed so that each
-- can be repeated exactly, and their figures per scenario, agency and month. No case data: the caseload is drawn from
-- the seed and never stored; agencies are named as the directory names them.

CREATE TABLE simulation_run
(
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED')),
    progress       NUMERIC(5, 4) NOT NULL DEFAULT 0,
    seed           BIGINT      NOT NULL,
    region         TEXT        NOT NULL,
    first_month    DATE        NOT NULL,
    months         INT         NOT NULL CHECK (months BETWEEN 1 AND 36),
    parameters     JSONB       NOT NULL,
    created_by     UUID        NOT NULL,
    agency_id      UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    cases          INT,
    obligations    BIGINT,
    failure        TEXT,
    version        INT         NOT NULL DEFAULT 0
);
CREATE INDEX simulation_run_agency_idx ON simulation_run (agency_id, created_at DESC);
COMMENT ON TABLE simulation_run IS 'A what-if simulation: its parameters and seed (enough to repeat it exactly), status and progress. No case data.';
COMMENT ON COLUMN simulation_run.id IS 'The run.';
COMMENT ON COLUMN simulation_run.name IS 'What the coordinator called it.';
COMMENT ON COLUMN simulation_run.status IS 'QUEUED → RUNNING → COMPLETED | CANCELLED | FAILED (SimulationRun).';
COMMENT ON COLUMN simulation_run.progress IS 'Share of the simulated days done (0–1), both scenarios together.';
COMMENT ON COLUMN simulation_run.seed IS 'The seed the synthetic caseload and the agencies'' delays are drawn from.';
COMMENT ON COLUMN simulation_run.region IS 'The division code of the city simulated (its districts, agencies and policy model).';
COMMENT ON COLUMN simulation_run.first_month IS 'The first day of the first simulated month.';
COMMENT ON COLUMN simulation_run.months IS 'How many months are simulated.';
COMMENT ON COLUMN simulation_run.parameters IS 'The request as given: population settings, the two scenarios (policy version, changed periods, staffing).';
COMMENT ON COLUMN simulation_run.created_by IS 'The user who started it.';
COMMENT ON COLUMN simulation_run.agency_id IS 'The agency of that user: its staff with the right role see the run.';
COMMENT ON COLUMN simulation_run.created_at IS 'When it was started.';
COMMENT ON COLUMN simulation_run.started_at IS 'When the executor began it.';
COMMENT ON COLUMN simulation_run.finished_at IS 'When it completed, was cancelled or failed.';
COMMENT ON COLUMN simulation_run.cases IS 'How many synthetic cases it ran.';
COMMENT ON COLUMN simulation_run.obligations IS 'How many obligations it opened (both scenarios).';
COMMENT ON COLUMN simulation_run.failure IS 'Why it failed (an error code), when it did.';
COMMENT ON COLUMN simulation_run.version IS 'Optimistic lock.';

CREATE TABLE simulation_figure
(
    run_id        UUID    NOT NULL REFERENCES simulation_run (id) ON DELETE CASCADE,
    scenario      CHAR(1) NOT NULL CHECK (scenario IN ('A', 'B')),
    agency_key    TEXT    NOT NULL,
    agency_zh     TEXT    NOT NULL,
    agency_en     TEXT    NOT NULL,
    agency_type   TEXT    NOT NULL,
    district      TEXT,
    officers      INT     NOT NULL,
    month         DATE    NOT NULL,
    opened        INT     NOT NULL,
    fulfilled     INT     NOT NULL,
    on_time       INT     NOT NULL,
    late          INT     NOT NULL,
    breaches      INT     NOT NULL,
    backlog       INT     NOT NULL,
    entries       INT     NOT NULL,
    terminations  INT     NOT NULL,
    lost_contacts INT     NOT NULL,
    PRIMARY KEY (run_id, scenario, agency_key, month)
);
COMMENT ON TABLE simulation_figure IS 'What a run recorded per scenario, agency and month. No case data.';
COMMENT ON COLUMN simulation_figure.run_id IS 'The run.';
COMMENT ON COLUMN simulation_figure.scenario IS 'A: the baseline; B: the what-if variant.';
COMMENT ON COLUMN simulation_figure.agency_key IS 'The agency (its id in the directory).';
COMMENT ON COLUMN simulation_figure.agency_zh IS 'Its name in Chinese when the run was made.';
COMMENT ON COLUMN simulation_figure.agency_en IS 'Its name in English when the run was made.';
COMMENT ON COLUMN simulation_figure.agency_type IS 'Its kind (AgencyType).';
COMMENT ON COLUMN simulation_figure.district IS 'The division code of the district it serves (null: the whole city).';
COMMENT ON COLUMN simulation_figure.officers IS 'Its officers in the scenario.';
COMMENT ON COLUMN simulation_figure.month IS 'The month (its first day).';
COMMENT ON COLUMN simulation_figure.opened IS 'Obligations it was given that month.';
COMMENT ON COLUMN simulation_figure.fulfilled IS 'Obligations it fulfilled that month.';
COMMENT ON COLUMN simulation_figure.on_time IS 'Of those, on time.';
COMMENT ON COLUMN simulation_figure.late IS 'Of those, late.';
COMMENT ON COLUMN simulation_figure.breaches IS 'Obligations whose due time passed that month with the step not done.';
COMMENT ON COLUMN simulation_figure.backlog IS 'Obligations pending at the month''s end.';
COMMENT ON COLUMN simulation_figure.entries IS 'Cases registered (入矫) that month (county agencies).';
COMMENT ON COLUMN simulation_figure.terminations IS 'Cases that ended that month (county agencies).';
COMMENT ON COLUMN simulation_figure.lost_contacts IS 'Subjects who lost contact that month (county agencies).';

GRANT SELECT, INSERT, UPDATE, DELETE ON simulation_run TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON simulation_figure TO ${app_role};
