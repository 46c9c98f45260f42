-- The social organisations whose social workers serve on a case's correction team, for the caseload per social worker.

CREATE TABLE statistics_case_team
(
    case_id   UUID NOT NULL,
    agency_id UUID NOT NULL,
    PRIMARY KEY (case_id, agency_id)
);
CREATE INDEX statistics_case_team_agency_idx ON statistics_case_team (agency_id);
COMMENT ON TABLE statistics_case_team IS 'Social organisations with a social worker on a case''s correction team (as last formed).';
COMMENT ON COLUMN statistics_case_team.case_id IS 'The case (its facts are in statistics_case).';
COMMENT ON COLUMN statistics_case_team.agency_id IS 'The social organisation of a social worker on the team.';

GRANT SELECT, INSERT, DELETE ON statistics_case_team TO ${app_role};
