-- Module casefile: what a case holds after intake (ADR 0021): the supervision level, custody during correction, how
-- correction ended, and whether a minor's terminated case is sealed; the history of supervision-level changes.

ALTER TABLE casefile_case
    ADD COLUMN supervision_level  VARCHAR(10),
    ADD COLUMN custody_kind       VARCHAR(40),
    ADD COLUMN detaining_organ_id UUID,
    ADD COLUMN detained_at        TIMESTAMPTZ,
    ADD COLUMN revocation_kind    VARCHAR(30),
    ADD COLUMN termination_reason VARCHAR(10),
    ADD COLUMN ended_on           DATE,
    ADD COLUMN sealed_at          TIMESTAMPTZ;
COMMENT ON COLUMN casefile_case.supervision_level IS 'Classified management (分类管理): STRICT 严管, ORDINARY 普管 or LENIENT 宽管 (null until first set).';
COMMENT ON COLUMN casefile_case.custody_kind IS 'While IN_CUSTODY: ADMINISTRATIVE_DETENTION, COMPULSORY_DRUG_REHABILITATION, CRIMINAL_COERCIVE_MEASURE or ARREST_PENDING_REVOCATION.';
COMMENT ON COLUMN casefile_case.detaining_organ_id IS 'While IN_CUSTODY: the organ that detained the subject (owes the custody notice).';
COMMENT ON COLUMN casefile_case.detained_at IS 'While IN_CUSTODY: since when.';
COMMENT ON COLUMN casefile_case.revocation_kind IS 'REVOKED cases: PROBATION_REVOKED 撤销缓刑, PAROLE_REVOKED 撤销假释 or COMMITTED_TO_PRISON 收监执行.';
COMMENT ON COLUMN casefile_case.termination_reason IS 'TERMINATED cases: EXPIRY 期满 or PARDON 赦免.';
COMMENT ON COLUMN casefile_case.ended_on IS 'The day correction ended: the ruling (REVOKED), termination (TERMINATED) or death (DECEASED).';
COMMENT ON COLUMN casefile_case.sealed_at IS 'When a minor''s terminated case was sealed (CPL art. 286); null when not sealed.';
COMMENT ON COLUMN casefile_case.in_custody IS 'The person is in custody — awaiting transfer at the decision, or detained during correction (calendar-day periods are then never extended over holidays).';
CREATE INDEX casefile_case_sealed_idx ON casefile_case (sealed_at) WHERE sealed_at IS NOT NULL;

COMMENT ON COLUMN casefile_party.participation IS 'EXECUTING_AGENCY, ASSIGNED_OFFICE, DECISION_ORGAN, COPIED_PROCURATORATE, COPIED_POLICE, HANDOVER_INSTITUTION (derived from the case); ESCALATION, COORDINATION, ASSISTING, APPROVING_BUREAU, RECEIVING_AGENCY, FORMER_EXECUTING_AGENCY, FORMER_ASSIGNED_OFFICE, DETAINING_ORGAN, RULING_ORGAN or CUSTODIAL_INSTITUTION (granted by a process).';

CREATE TABLE casefile_supervision_level
(
    id         BIGSERIAL   NOT NULL PRIMARY KEY,
    case_id    UUID        NOT NULL REFERENCES casefile_case (id),
    changed_at TIMESTAMPTZ NOT NULL,
    level_from VARCHAR(10),
    level_to   VARCHAR(10) NOT NULL,
    reason     VARCHAR(30) NOT NULL,
    note_enc   BYTEA,
    changed_by UUID
);
CREATE INDEX casefile_supervision_level_case_idx ON casefile_supervision_level (case_id, changed_at);
COMMENT ON TABLE casefile_supervision_level IS 'Every setting or change of a case''s supervision level (分类管理), with its reason.';
COMMENT ON COLUMN casefile_supervision_level.id IS 'Entry id.';
COMMENT ON COLUMN casefile_supervision_level.case_id IS 'The case.';
COMMENT ON COLUMN casefile_supervision_level.changed_at IS 'When.';
COMMENT ON COLUMN casefile_supervision_level.level_from IS 'The level before (null for the first).';
COMMENT ON COLUMN casefile_supervision_level.level_to IS 'The level set.';
COMMENT ON COLUMN casefile_supervision_level.reason IS 'ENTRY_ASSESSMENT, PERIODIC_ASSESSMENT, VIOLATION, GOOD_CONDUCT or OTHER.';
COMMENT ON COLUMN casefile_supervision_level.note_enc IS 'The reason in words, encrypted (it may name health or offence details).';
COMMENT ON COLUMN casefile_supervision_level.changed_by IS 'Who changed it (null for the system).';

ALTER TABLE casefile_supervision_level ENABLE ROW LEVEL SECURITY;
ALTER TABLE casefile_supervision_level FORCE ROW LEVEL SECURITY;
CREATE POLICY casefile_supervision_level_app ON casefile_supervision_level FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY casefile_supervision_level_system ON casefile_supervision_level FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT ON casefile_supervision_level TO ${app_role};
GRANT USAGE ON SEQUENCE casefile_supervision_level_id_seq TO ${app_role};
