-- Module supervision: detention during correction (CCL art. 32): the record, the detaining organ's notice (a
-- handover, custody.notice) and the release. The case's own state moves through casefile's transitions.

CREATE TABLE supervision_custody
(
    id                 UUID        NOT NULL PRIMARY KEY,
    case_id            UUID        NOT NULL REFERENCES casefile_case (id),
    kind               VARCHAR(40) NOT NULL,
    detaining_organ_id UUID        NOT NULL,
    detained_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    notice_handover_id UUID,
    noticed_at         TIMESTAMPTZ,
    released_at        TIMESTAMPTZ,
    version            INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX supervision_custody_case_idx ON supervision_custody (case_id, detained_at);
COMMENT ON TABLE supervision_custody IS 'Detentions during correction (CCL art. 32): the detaining organ owes its notice (custody.notice); the release ends it.';
COMMENT ON COLUMN supervision_custody.id IS 'Record id (the instance key of custody.notice).';
COMMENT ON COLUMN supervision_custody.case_id IS 'The case.';
COMMENT ON COLUMN supervision_custody.kind IS 'ADMINISTRATIVE_DETENTION, COMPULSORY_DRUG_REHABILITATION, CRIMINAL_COERCIVE_MEASURE or ARREST_PENDING_REVOCATION.';
COMMENT ON COLUMN supervision_custody.detaining_organ_id IS 'The police, procuratorate or court that decided it.';
COMMENT ON COLUMN supervision_custody.detained_at IS 'Since when the subject is held.';
COMMENT ON COLUMN supervision_custody.recorded_at IS 'When Tongxin learnt it.';
COMMENT ON COLUMN supervision_custody.notice_handover_id IS 'The handover carrying the detaining organ''s notice (null until given).';
COMMENT ON COLUMN supervision_custody.noticed_at IS 'When the notice was delivered.';
COMMENT ON COLUMN supervision_custody.released_at IS 'When the subject was released (null while held).';
COMMENT ON COLUMN supervision_custody.version IS 'Optimistic lock.';

ALTER TABLE supervision_custody ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_custody FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_custody_app ON supervision_custody FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_custody_system ON supervision_custody FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT, UPDATE ON supervision_custody TO ${app_role};
