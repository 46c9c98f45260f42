-- How each case ended and what the county agency did about it (CCL arts. 44, 45; IM arts. 54, 56): the termination
-- certificate and the notice of termination, or the notice of death; a revoked case's ending is recorded for the archive.
CREATE TABLE procedure_case_ending
(
    case_id                 UUID PRIMARY KEY REFERENCES casefile_case (id),
    kind                    VARCHAR(12) NOT NULL CHECK (kind IN ('TERMINATED', 'DECEASED', 'REVOKED')),
    ended_on                DATE        NOT NULL,
    certificate_document_id UUID,
    notice_handover_id      UUID,
    notified_at             TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    version                 INTEGER     NOT NULL DEFAULT 0
);
COMMENT ON TABLE procedure_case_ending IS 'The end of a case (termination, death, revocation) and the county agency''s certificate and notices.';
COMMENT ON COLUMN procedure_case_ending.case_id IS 'The case that ended.';
COMMENT ON COLUMN procedure_case_ending.kind IS 'TERMINATED (expiry or pardon), DECEASED or REVOKED (revocation or 收监执行).';
COMMENT ON COLUMN procedure_case_ending.ended_on IS 'The day correction ended.';
COMMENT ON COLUMN procedure_case_ending.certificate_document_id IS 'The termination certificate (解除社区矫正证明书) issued, or the notice of death.';
COMMENT ON COLUMN procedure_case_ending.notice_handover_id IS 'The handover that notified the decision organ, copies to the procuratorate and police.';
COMMENT ON COLUMN procedure_case_ending.notified_at IS 'When that notice was delivered.';
COMMENT ON COLUMN procedure_case_ending.created_at IS 'When the ending was recorded.';
COMMENT ON COLUMN procedure_case_ending.version IS 'Optimistic lock.';

GRANT SELECT, INSERT, UPDATE ON procedure_case_ending TO ${app_role};
ALTER TABLE procedure_case_ending ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_case_ending FORCE ROW LEVEL SECURITY;
CREATE POLICY procedure_case_ending_app ON procedure_case_ending FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY procedure_case_ending_system ON procedure_case_ending FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
