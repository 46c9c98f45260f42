-- Issue 9, item 4: opening a case for a person already known no longer overwrites their record. The new case links to
-- the subject and keeps what its decision organ stated as that case's own statement; what differs from the record is
-- offered to the executing agencies of the person's other cases as a proposed change they confirm or reject.

CREATE TABLE casefile_subject_statement
(
    case_id               UUID         NOT NULL PRIMARY KEY REFERENCES casefile_case (id),
    subject_id            UUID         NOT NULL REFERENCES casefile_subject (id),
    name                  VARCHAR(50)  NOT NULL,
    gender                VARCHAR(6)   NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    ethnicity             VARCHAR(2)   NOT NULL,
    id_type               VARCHAR(20)  NOT NULL,
    birth_date            DATE         NOT NULL,
    phone_enc             BYTEA,
    residence_division    VARCHAR(12)  NOT NULL,
    residence_address_enc BYTEA,
    guardian_name         VARCHAR(50),
    guardian_relation     VARCHAR(20),
    guardian_phone_enc    BYTEA,
    health_enc            BYTEA,
    stated_by_agency_id   UUID         NOT NULL,
    stated_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX casefile_subject_statement_subject_idx ON casefile_subject_statement (subject_id);
COMMENT ON TABLE casefile_subject_statement IS 'A case''s own statement of its subject, kept when the case was opened for a person already known: the case shows it instead of the record, so its writer never learns the record. Phone, address, guardian phone and health encrypted like the subject''s.';
COMMENT ON COLUMN casefile_subject_statement.case_id IS 'The case whose statement it is.';
COMMENT ON COLUMN casefile_subject_statement.subject_id IS 'The person (the record the case links to).';
COMMENT ON COLUMN casefile_subject_statement.name IS 'Name as stated.';
COMMENT ON COLUMN casefile_subject_statement.gender IS 'MALE or FEMALE, as stated.';
COMMENT ON COLUMN casefile_subject_statement.ethnicity IS 'Ethnic group code (GB/T 3304), as stated.';
COMMENT ON COLUMN casefile_subject_statement.id_type IS 'Kind of identity document, as stated (the number is the record''s: it identifies the person).';
COMMENT ON COLUMN casefile_subject_statement.birth_date IS 'Date of birth, as stated.';
COMMENT ON COLUMN casefile_subject_statement.phone_enc IS 'Phone as stated, encrypted.';
COMMENT ON COLUMN casefile_subject_statement.residence_division IS 'Division of residence, as stated.';
COMMENT ON COLUMN casefile_subject_statement.residence_address_enc IS 'Street address as stated, encrypted.';
COMMENT ON COLUMN casefile_subject_statement.guardian_name IS 'Guardian as stated.';
COMMENT ON COLUMN casefile_subject_statement.guardian_relation IS 'Guardian''s relation, as stated.';
COMMENT ON COLUMN casefile_subject_statement.guardian_phone_enc IS 'Guardian''s phone as stated, encrypted.';
COMMENT ON COLUMN casefile_subject_statement.health_enc IS 'Health as stated, encrypted.';
COMMENT ON COLUMN casefile_subject_statement.stated_by_agency_id IS 'The organ that opened the case.';
COMMENT ON COLUMN casefile_subject_statement.stated_at IS 'When.';

CREATE TABLE casefile_subject_change
(
    id                    UUID         NOT NULL PRIMARY KEY,
    subject_id            UUID         NOT NULL REFERENCES casefile_subject (id),
    source_case_id        UUID         NOT NULL REFERENCES casefile_case (id),
    proposed_by_agency_id UUID         NOT NULL,
    proposed_at           TIMESTAMPTZ  NOT NULL,
    fields                TEXT[]       NOT NULL,
    name                  VARCHAR(50),
    gender                VARCHAR(6),
    ethnicity             VARCHAR(2),
    id_type               VARCHAR(20),
    birth_date            DATE,
    phone_enc             BYTEA,
    residence_division    VARCHAR(12),
    residence_address_enc BYTEA,
    guardian_name         VARCHAR(50),
    guardian_relation     VARCHAR(20),
    guardian_phone_enc    BYTEA,
    health_enc            BYTEA,
    status                VARCHAR(10)  NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    decided_by            UUID,
    decided_by_name       VARCHAR(100),
    decided_by_agency_id  UUID,
    decided_at            TIMESTAMPTZ,
    rejection_reason_enc  BYTEA,
    version               INT          NOT NULL DEFAULT 0
);
CREATE INDEX casefile_subject_change_subject_idx ON casefile_subject_change (subject_id, status, proposed_at);
COMMENT ON TABLE casefile_subject_change IS 'A proposed change of a subject''s record: the fields in which a new case''s statement differs from it, for the executing agencies of the person''s other cases to confirm (the record takes them) or reject. PROPOSED → CONFIRMED | REJECTED.';
COMMENT ON COLUMN casefile_subject_change.id IS 'Proposal id.';
COMMENT ON COLUMN casefile_subject_change.subject_id IS 'The person whose record it would change.';
COMMENT ON COLUMN casefile_subject_change.source_case_id IS 'The new case whose statement differs (never shown to those deciding: they have no role in it).';
COMMENT ON COLUMN casefile_subject_change.proposed_by_agency_id IS 'The organ that opened the new case.';
COMMENT ON COLUMN casefile_subject_change.proposed_at IS 'When.';
COMMENT ON COLUMN casefile_subject_change.fields IS 'The fields that differ: NAME, GENDER, ETHNICITY, ID_TYPE, BIRTH_DATE, PHONE, RESIDENCE_DIVISION, RESIDENCE_ADDRESS, GUARDIAN_NAME, GUARDIAN_RELATION, GUARDIAN_PHONE, HEALTH.';
COMMENT ON COLUMN casefile_subject_change.name IS 'Proposed name (set only when NAME differs; likewise each value column below).';
COMMENT ON COLUMN casefile_subject_change.gender IS 'Proposed gender.';
COMMENT ON COLUMN casefile_subject_change.ethnicity IS 'Proposed ethnic group code.';
COMMENT ON COLUMN casefile_subject_change.id_type IS 'Proposed kind of identity document.';
COMMENT ON COLUMN casefile_subject_change.birth_date IS 'Proposed date of birth.';
COMMENT ON COLUMN casefile_subject_change.phone_enc IS 'Proposed phone, encrypted.';
COMMENT ON COLUMN casefile_subject_change.residence_division IS 'Proposed division of residence.';
COMMENT ON COLUMN casefile_subject_change.residence_address_enc IS 'Proposed street address, encrypted.';
COMMENT ON COLUMN casefile_subject_change.guardian_name IS 'Proposed guardian.';
COMMENT ON COLUMN casefile_subject_change.guardian_relation IS 'Proposed guardian''s relation.';
COMMENT ON COLUMN casefile_subject_change.guardian_phone_enc IS 'Proposed guardian''s phone, encrypted.';
COMMENT ON COLUMN casefile_subject_change.health_enc IS 'Proposed health information, encrypted.';
COMMENT ON COLUMN casefile_subject_change.status IS 'PROPOSED, CONFIRMED or REJECTED.';
COMMENT ON COLUMN casefile_subject_change.decided_by IS 'Who confirmed or rejected it.';
COMMENT ON COLUMN casefile_subject_change.decided_by_name IS 'Their name at the time.';
COMMENT ON COLUMN casefile_subject_change.decided_by_agency_id IS 'Their agency (an executing agency of another case of the person).';
COMMENT ON COLUMN casefile_subject_change.decided_at IS 'When.';
COMMENT ON COLUMN casefile_subject_change.rejection_reason_enc IS 'Why it was rejected, encrypted.';
COMMENT ON COLUMN casefile_subject_change.version IS 'Optimistic lock: a stale decision gets 409.';

-- Row-level security (doc/security-requirements.md S9), behind the application's checks: a statement belongs to its case; a proposal to
-- the parties of the person's other cases.
ALTER TABLE casefile_subject_statement ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_subject_statement_access ON casefile_subject_statement FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
ALTER TABLE casefile_subject_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_subject_change_access ON casefile_subject_change FOR ALL TO ${app_role}
    USING (coalesce(current_setting('tongxin.scope', TRUE), '') = 'system'
        OR EXISTS (SELECT 1 FROM casefile_case c
                    WHERE c.subject_id = casefile_subject_change.subject_id AND c.id <> casefile_subject_change.source_case_id
                      AND casefile_visible(c.id)))
    WITH CHECK (TRUE);

GRANT SELECT, INSERT ON casefile_subject_statement TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON casefile_subject_change TO ${app_role};
