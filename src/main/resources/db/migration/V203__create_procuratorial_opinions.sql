-- Procuratorial supervision (CCL art. 62): correction opinions and procuratorial suggestions against a step or handover of
-- any agency in a case, and the addressed unit's written reply.
CREATE TABLE procuratorial_opinion
(
    id                  UUID PRIMARY KEY,
    case_id             UUID        NOT NULL REFERENCES casefile_case (id),
    kind                VARCHAR(24) NOT NULL CHECK (kind IN ('CORRECTION_OPINION', 'PROCURATORIAL_SUGGESTION')),
    procuratorate_id    UUID        NOT NULL REFERENCES agency (id),
    addressed_agency_id UUID        NOT NULL REFERENCES agency (id),
    step_id             VARCHAR(64),
    handover_id         UUID,
    content_enc         BYTEA       NOT NULL,
    issued_at           TIMESTAMPTZ NOT NULL,
    status              VARCHAR(16) NOT NULL CHECK (status IN ('AWAITING_REPLY', 'REPLIED')),
    adopted             BOOLEAN,
    reply_enc           BYTEA,
    replied_at          TIMESTAMPTZ,
    replied_by          UUID REFERENCES identity_user (id),
    version             INTEGER     NOT NULL DEFAULT 0,
    CHECK (procuratorate_id <> addressed_agency_id)
);
COMMENT ON TABLE procuratorial_opinion IS 'Correction opinions (纠正意见) and procuratorial suggestions (检察建议) and the addressed units'' written replies (CCL art. 62).';
COMMENT ON COLUMN procuratorial_opinion.id IS 'The opinion''s id (the instance of its procuratorate.reply obligation).';
COMMENT ON COLUMN procuratorial_opinion.case_id IS 'The case it concerns.';
COMMENT ON COLUMN procuratorial_opinion.kind IS 'CORRECTION_OPINION or PROCURATORIAL_SUGGESTION.';
COMMENT ON COLUMN procuratorial_opinion.procuratorate_id IS 'The procuratorate that issued it.';
COMMENT ON COLUMN procuratorial_opinion.addressed_agency_id IS 'The unit that must reply.';
COMMENT ON COLUMN procuratorial_opinion.step_id IS 'The procedure step it is about, if any (a policy step id).';
COMMENT ON COLUMN procuratorial_opinion.handover_id IS 'The handover it is about, if any.';
COMMENT ON COLUMN procuratorial_opinion.content_enc IS 'What was found and what is asked (encrypted, context procuratorial_opinion.content).';
COMMENT ON COLUMN procuratorial_opinion.issued_at IS 'When it was issued (the reply''s clock runs from it).';
COMMENT ON COLUMN procuratorial_opinion.status IS 'AWAITING_REPLY or REPLIED.';
COMMENT ON COLUMN procuratorial_opinion.adopted IS 'Whether the reply adopted it.';
COMMENT ON COLUMN procuratorial_opinion.reply_enc IS 'The reply''s words: what was done, or why not (encrypted, context procuratorial_opinion.reply).';
COMMENT ON COLUMN procuratorial_opinion.replied_at IS 'When the reply was given.';
COMMENT ON COLUMN procuratorial_opinion.replied_by IS 'Who gave it.';
COMMENT ON COLUMN procuratorial_opinion.version IS 'Optimistic lock.';
CREATE INDEX procuratorial_opinion_case_idx ON procuratorial_opinion (case_id, issued_at);

GRANT SELECT, INSERT, UPDATE ON procuratorial_opinion TO ${app_role};
ALTER TABLE procuratorial_opinion ENABLE ROW LEVEL SECURITY;
ALTER TABLE procuratorial_opinion FORCE ROW LEVEL SECURITY;
CREATE POLICY procuratorial_opinion_app ON procuratorial_opinion FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY procuratorial_opinion_system ON procuratorial_opinion FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
