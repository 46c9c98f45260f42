-- Reporting and contacts (CCL arts. 23, 26; IM art. 24; doc/adr/0021): each recorded report, phone or video contact,
-- home or workplace visit and medical re-examination of a case; the next one falls due on the ledger by the interval
-- of the subject's supervision level (policy settings). The note is sealed (FieldCipher).

CREATE TABLE supervision_contact
(
    id                   UUID        NOT NULL PRIMARY KEY,
    case_id              UUID        NOT NULL REFERENCES casefile_case (id),
    kind                 VARCHAR(20) NOT NULL CHECK (kind IN ('REPORT_IN_PERSON', 'REPORT_PHONE', 'REPORT_VIDEO', 'PHONE_CHECK',
                                                               'HOME_VISIT', 'WORKPLACE_VISIT', 'MEDICAL_REEXAMINATION')),
    step_id              VARCHAR(40) NOT NULL,
    contacted_on         DATE        NOT NULL,
    next_due_on          DATE        NOT NULL,
    supervision_level    VARCHAR(10) NOT NULL,
    note_enc             BYTEA,
    recorded_by          UUID,
    recorded_by_name     VARCHAR(100),
    recorded_by_agency_id UUID       NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_contact_case_idx ON supervision_contact (case_id, contacted_on);

COMMENT ON TABLE supervision_contact IS 'Recorded reports, contacts, visits and medical re-examinations of subjects (CCL 23, 26; IM 24).';
COMMENT ON COLUMN supervision_contact.id IS 'Identity of the record.';
COMMENT ON COLUMN supervision_contact.case_id IS 'The case whose subject reported or was contacted.';
COMMENT ON COLUMN supervision_contact.kind IS 'REPORT_IN_PERSON, REPORT_PHONE, REPORT_VIDEO (the subject reports), PHONE_CHECK, HOME_VISIT, WORKPLACE_VISIT (the agency or office verifies), MEDICAL_REEXAMINATION (medical parole, every 3 months).';
COMMENT ON COLUMN supervision_contact.step_id IS 'The ledger step it fulfils: supervise.report, supervise.verify or supervise.medical.';
COMMENT ON COLUMN supervision_contact.contacted_on IS 'The day of the report, contact or visit.';
COMMENT ON COLUMN supervision_contact.next_due_on IS 'The day the next one of its step falls due (the ledger instance).';
COMMENT ON COLUMN supervision_contact.supervision_level IS 'The supervision level whose interval set the next due day (STRICT, ORDINARY, LENIENT).';
COMMENT ON COLUMN supervision_contact.note_enc IS 'What was found (sealed with FieldCipher).';
COMMENT ON COLUMN supervision_contact.recorded_by IS 'The officer who recorded it.';
COMMENT ON COLUMN supervision_contact.recorded_by_name IS 'That officer''s name.';
COMMENT ON COLUMN supervision_contact.recorded_by_agency_id IS 'That officer''s agency.';
COMMENT ON COLUMN supervision_contact.recorded_at IS 'When it was recorded.';

ALTER TABLE supervision_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_contact FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_contact_app ON supervision_contact FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_contact_system ON supervision_contact FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT ON supervision_contact TO ${app_role};
