-- Module assessment (doc/adr/0042-periodic-assessment-and-commutation.md): the periodic assessments (定期考核) of a case
-- by the county agency, with the change of supervision level (分类管理) and the revision of the correction plan made on
-- each. The level and the plan themselves stay in casefile (casefile_supervision_level, casefile_plan).

CREATE TABLE assessment_periodic
(
    id             UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL REFERENCES casefile_case (id),
    period_from    DATE         NOT NULL,
    period_to      DATE         NOT NULL CHECK (period_to >= period_from),
    result         VARCHAR(20)  NOT NULL CHECK (result IN ('GOOD', 'ORDINARY', 'POOR')),
    facts_enc      BYTEA        NOT NULL,
    level_from     VARCHAR(20)  CHECK (level_from IN ('STRICT', 'ORDINARY', 'LENIENT')),
    level_to       VARCHAR(20)  CHECK (level_to IN ('STRICT', 'ORDINARY', 'LENIENT')),
    level_reason   VARCHAR(30),
    plan_number    INT,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    recorded_by    UUID         NOT NULL,
    recorder_name  VARCHAR(100) NOT NULL,
    agency_id      UUID         NOT NULL
);
CREATE INDEX assessment_periodic_case ON assessment_periodic (case_id, period_to);
COMMENT ON TABLE assessment_periodic IS 'A periodic assessment (定期考核) of a subject by the county agency and what followed from it (CCL art. 24).';
COMMENT ON COLUMN assessment_periodic.id IS 'The assessment.';
COMMENT ON COLUMN assessment_periodic.case_id IS 'The case.';
COMMENT ON COLUMN assessment_periodic.period_from IS 'First day of the period assessed.';
COMMENT ON COLUMN assessment_periodic.period_to IS 'Last day of the period assessed; the next period starts after it.';
COMMENT ON COLUMN assessment_periodic.result IS 'GOOD (表现良好), ORDINARY (表现一般) or POOR (表现较差).';
COMMENT ON COLUMN assessment_periodic.facts_enc IS 'The facts considered, encrypted (assessment_periodic.facts).';
COMMENT ON COLUMN assessment_periodic.level_from IS 'The supervision level before a change made on this assessment (null: none was set).';
COMMENT ON COLUMN assessment_periodic.level_to IS 'The supervision level set on this assessment (null: unchanged).';
COMMENT ON COLUMN assessment_periodic.level_reason IS 'Why the level changed (casefile LevelChangeReason); the words are in casefile_supervision_level.';
COMMENT ON COLUMN assessment_periodic.plan_number IS 'The version of the correction plan (casefile_plan.number) revised on this assessment.';
COMMENT ON COLUMN assessment_periodic.recorded_at IS 'When it was recorded.';
COMMENT ON COLUMN assessment_periodic.recorded_by IS 'The user who recorded it.';
COMMENT ON COLUMN assessment_periodic.recorder_name IS 'That user''s name as shown on the record.';
COMMENT ON COLUMN assessment_periodic.agency_id IS 'The county agency that assessed.';

ALTER TABLE assessment_periodic ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_periodic FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_periodic_app ON assessment_periodic FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY assessment_periodic_system ON assessment_periodic FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
-- An assessment is a record: inserted, never changed.
GRANT SELECT, INSERT ON assessment_periodic TO ${app_role};
