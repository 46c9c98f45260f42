-- Module supervision: the minors' steps of a minor's case (CCL ch. 7, arts. 52-55): the measures and the team fitted to
-- minors, opened on the registration of a minor; urging the guardian, compulsory education and vocational training,
-- opened when the county agency finds their trigger. Each is an obligation on the ledger (instance = the row's id).

CREATE TABLE supervision_minor_step
(
    id                UUID        NOT NULL PRIMARY KEY,
    case_id           UUID        NOT NULL REFERENCES casefile_case (id),
    step_id           VARCHAR(40) NOT NULL,
    trigger           VARCHAR(12) NOT NULL CHECK (trigger IN ('REGISTRATION', 'FOUND')),
    state             VARCHAR(8)  NOT NULL CHECK (state IN ('OPEN', 'DONE')),
    circumstances_enc BYTEA,
    opened_at         TIMESTAMPTZ NOT NULL,
    done_at           TIMESTAMPTZ,
    done_note_enc     BYTEA,
    version           INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX supervision_minor_step_case_idx ON supervision_minor_step (case_id, opened_at);
-- A registration opens each of its steps once, however often its reaction is delivered.
CREATE UNIQUE INDEX supervision_minor_step_registration_idx ON supervision_minor_step (case_id, step_id)
    WHERE trigger = 'REGISTRATION';
COMMENT ON TABLE supervision_minor_step IS 'The minors'' steps of a minor''s case (CCL arts. 52-55) and what was done.';
COMMENT ON COLUMN supervision_minor_step.id IS 'Record id (the instance key of the step''s obligation).';
COMMENT ON COLUMN supervision_minor_step.case_id IS 'The case.';
COMMENT ON COLUMN supervision_minor_step.step_id IS 'The step of the policy model (minors.measures, minors.team, minors.guardian, minors.education, minors.employment).';
COMMENT ON COLUMN supervision_minor_step.trigger IS 'REGISTRATION (opened when the minor was registered) or FOUND (the county agency found its trigger).';
COMMENT ON COLUMN supervision_minor_step.state IS 'OPEN or DONE.';
COMMENT ON COLUMN supervision_minor_step.circumstances_enc IS 'What the county agency found (a triggered step), encrypted.';
COMMENT ON COLUMN supervision_minor_step.opened_at IS 'When the step opened.';
COMMENT ON COLUMN supervision_minor_step.done_at IS 'When it was done.';
COMMENT ON COLUMN supervision_minor_step.done_note_enc IS 'What was done, encrypted.';
COMMENT ON COLUMN supervision_minor_step.version IS 'Optimistic lock.';

ALTER TABLE supervision_minor_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_minor_step FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_minor_step_app ON supervision_minor_step FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_minor_step_system ON supervision_minor_step FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT, UPDATE ON supervision_minor_step TO ${app_role};
