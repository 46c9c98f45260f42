-- Leave (请假, CCL art. 27; IM arts. 26-28; doc/adr/0021): a subject's request to leave the city or county, recorded by
-- the executing agency or the assigned judicial office, approved or refused at the level the policy model sets by its
-- length, the return reported, an extension asked before the leave ends. Free texts are sealed (FieldCipher).

CREATE TABLE supervision_leave
(
    id                      UUID        NOT NULL PRIMARY KEY,
    case_id                 UUID        NOT NULL REFERENCES casefile_case (id),
    kind                    VARCHAR(10) NOT NULL CHECK (kind IN ('SINGLE', 'FREQUENT')),
    destination_enc         BYTEA       NOT NULL,
    reason_enc              BYTEA       NOT NULL,
    depart_on               DATE        NOT NULL,
    return_on               DATE        NOT NULL,
    days                    INT         NOT NULL CHECK (days > 0),
    approver                VARCHAR(20) NOT NULL CHECK (approver IN ('JUDICIAL_OFFICE', 'COUNTY_AGENCY', 'SUPERIOR_AGENCY')),
    approving_agency_id     UUID        NOT NULL,
    late_application        BOOLEAN     NOT NULL,
    status                  VARCHAR(20) NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED', 'EXTENSION_REQUESTED',
                                                               'RETURN_OVERDUE', 'RETURNED')),
    requested_at            TIMESTAMPTZ NOT NULL,
    requested_by            UUID,
    requested_by_agency_id  UUID        NOT NULL,
    decided_at              TIMESTAMPTZ,
    decided_by_name         VARCHAR(100),
    decided_by_agency_id    UUID,
    refusal_reason_enc      BYTEA,
    extension_return_on     DATE,
    extension_approver      VARCHAR(20) CHECK (extension_approver IN ('JUDICIAL_OFFICE', 'COUNTY_AGENCY', 'SUPERIOR_AGENCY')),
    extension_agency_id     UUID,
    extension_reason_enc    BYTEA,
    extensions              INT         NOT NULL DEFAULT 0,
    returned_on             DATE,
    returned_at             TIMESTAMPTZ,
    notice_document_id      UUID,
    version                 INT         NOT NULL DEFAULT 0
);
CREATE INDEX supervision_leave_case_idx ON supervision_leave (case_id, depart_on);
CREATE INDEX supervision_leave_approver_idx ON supervision_leave (approving_agency_id, status);

COMMENT ON TABLE supervision_leave IS 'Leave requests of subjects (CCL 27; IM 26-28): request, approval or refusal, extension, return.';
COMMENT ON COLUMN supervision_leave.id IS 'Identity of the leave request (the ledger instance of its leave steps).';
COMMENT ON COLUMN supervision_leave.case_id IS 'The case whose subject asks to leave.';
COMMENT ON COLUMN supervision_leave.kind IS 'SINGLE (one journey) or FREQUENT (simplified approval for frequent cross-county travel, IM 27).';
COMMENT ON COLUMN supervision_leave.destination_enc IS 'Where the subject goes (sealed with FieldCipher).';
COMMENT ON COLUMN supervision_leave.reason_enc IS 'Why the subject asks (sealed with FieldCipher).';
COMMENT ON COLUMN supervision_leave.depart_on IS 'First day away.';
COMMENT ON COLUMN supervision_leave.return_on IS 'Last day away as approved (moved by an approved extension).';
COMMENT ON COLUMN supervision_leave.days IS 'Calendar days away, both ends counted.';
COMMENT ON COLUMN supervision_leave.approver IS 'Who approves by the policy settings: JUDICIAL_OFFICE (entrusted, short leave), COUNTY_AGENCY, SUPERIOR_AGENCY (beyond the limits, procuratorate notified).';
COMMENT ON COLUMN supervision_leave.approving_agency_id IS 'The agency that approves (the office, the county agency or the agency one level up).';
COMMENT ON COLUMN supervision_leave.late_application IS 'Asked fewer days ahead than the policy''s usual advance (a note, not a refusal).';
COMMENT ON COLUMN supervision_leave.status IS 'REQUESTED, APPROVED, REFUSED, EXTENSION_REQUESTED, RETURN_OVERDUE or RETURNED.';
COMMENT ON COLUMN supervision_leave.requested_at IS 'When the application was recorded.';
COMMENT ON COLUMN supervision_leave.requested_by IS 'The officer who recorded it.';
COMMENT ON COLUMN supervision_leave.requested_by_agency_id IS 'The agency of that officer.';
COMMENT ON COLUMN supervision_leave.decided_at IS 'When the leave was approved or refused.';
COMMENT ON COLUMN supervision_leave.decided_by_name IS 'Who decided (staff name).';
COMMENT ON COLUMN supervision_leave.decided_by_agency_id IS 'The agency of who decided.';
COMMENT ON COLUMN supervision_leave.refusal_reason_enc IS 'The reason of a refusal, or of the last refused extension (sealed).';
COMMENT ON COLUMN supervision_leave.extension_return_on IS 'The new last day asked by a pending extension.';
COMMENT ON COLUMN supervision_leave.extension_approver IS 'Who approves the pending extension (by the new total length).';
COMMENT ON COLUMN supervision_leave.extension_agency_id IS 'The agency that approves the pending extension.';
COMMENT ON COLUMN supervision_leave.extension_reason_enc IS 'Why the extension is asked (sealed).';
COMMENT ON COLUMN supervision_leave.extensions IS 'How many extensions were approved.';
COMMENT ON COLUMN supervision_leave.returned_on IS 'The day the subject reported back.';
COMMENT ON COLUMN supervision_leave.returned_at IS 'When the return was recorded.';
COMMENT ON COLUMN supervision_leave.notice_document_id IS 'The approval notice (外出审批通知书) PDF, when approved.';
COMMENT ON COLUMN supervision_leave.version IS 'Optimistic lock: a command with a stale version is refused (409).';

-- Row-level security (doc/development.md): the case's parties; the system's own work as the owner.
ALTER TABLE supervision_leave ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_leave FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_leave_app ON supervision_leave FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_leave_system ON supervision_leave FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT, UPDATE ON supervision_leave TO ${app_role};
