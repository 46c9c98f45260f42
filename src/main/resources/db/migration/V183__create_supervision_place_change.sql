-- Module supervision: change of the place of execution (变更执行地, CCL art. 27; IM arts. 30-31): the application, the
-- new county agency's reply, the decision, the file handed over (a handover) and the subject's report at the new place.
-- The case's jurisdiction moves through casefile's changePlaceOfExecution when the new agency receipts the file.

CREATE TABLE supervision_place_change
(
    id                      UUID        NOT NULL PRIMARY KEY,
    case_id                 UUID        NOT NULL REFERENCES casefile_case (id),
    former_county_agency_id UUID        NOT NULL,
    new_county_agency_id    UUID        NOT NULL,
    state                   VARCHAR(20) NOT NULL,
    intended_move_on        DATE        NOT NULL,
    reason_enc              BYTEA       NOT NULL,
    applied_at              TIMESTAMPTZ NOT NULL,
    consulted_at            TIMESTAMPTZ,
    reply_reason_enc        BYTEA,
    replied_at              TIMESTAMPTZ,
    decision_reason_enc     BYTEA,
    decided_at              TIMESTAMPTZ,
    file_handover_id        UUID,
    file_sent_at            TIMESTAMPTZ,
    transferred_at          TIMESTAMPTZ,
    reported_at             TIMESTAMPTZ,
    forward_handover_id     UUID,
    forwarded_at            TIMESTAMPTZ,
    version                 INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX supervision_place_change_case_idx ON supervision_place_change (case_id, applied_at);
CREATE UNIQUE INDEX supervision_place_change_handover_idx ON supervision_place_change (file_handover_id);
COMMENT ON TABLE supervision_place_change IS 'Changes of the place of execution (CCL art. 27): application, consultation of the new county agency, its reply, the decision, the file transfer and the report at the new place.';
COMMENT ON COLUMN supervision_place_change.id IS 'Record id (the instance key of the move.* steps).';
COMMENT ON COLUMN supervision_place_change.case_id IS 'The case.';
COMMENT ON COLUMN supervision_place_change.former_county_agency_id IS 'The county agency executing the case when the subject applied.';
COMMENT ON COLUMN supervision_place_change.new_county_agency_id IS 'The county agency of the new place (RECEIVING_AGENCY while consulted).';
COMMENT ON COLUMN supervision_place_change.state IS 'APPLIED, CONSULTING, ACCEPTED, REFUSED, APPROVED, NOT_APPROVED, TRANSFERRED or REPORTED.';
COMMENT ON COLUMN supervision_place_change.intended_move_on IS 'When the subject means to move.';
COMMENT ON COLUMN supervision_place_change.reason_enc IS 'Why the subject moves (encrypted).';
COMMENT ON COLUMN supervision_place_change.applied_at IS 'When the application was recorded.';
COMMENT ON COLUMN supervision_place_change.consulted_at IS 'When the new county agency was consulted (move.consult).';
COMMENT ON COLUMN supervision_place_change.reply_reason_enc IS 'The new agency''s reasons (required for a refusal; encrypted).';
COMMENT ON COLUMN supervision_place_change.replied_at IS 'When the new agency replied (move.reply).';
COMMENT ON COLUMN supervision_place_change.decision_reason_enc IS 'The county agency''s reasons (required for a refusal; encrypted).';
COMMENT ON COLUMN supervision_place_change.decided_at IS 'When the county agency decided (move.decide).';
COMMENT ON COLUMN supervision_place_change.file_handover_id IS 'The handover carrying the decision, legal documents and file to the new agency (move.transfer).';
COMMENT ON COLUMN supervision_place_change.file_sent_at IS 'When that handover was delivered.';
COMMENT ON COLUMN supervision_place_change.transferred_at IS 'When the new agency receipted the file and the case moved to it.';
COMMENT ON COLUMN supervision_place_change.reported_at IS 'When the subject reported at the new place (move.report).';
COMMENT ON COLUMN supervision_place_change.forward_handover_id IS 'The new agency''s handover forwarding the legal documents to its procuratorate, copy to its police (move.forward).';
COMMENT ON COLUMN supervision_place_change.forwarded_at IS 'When that handover was delivered.';
COMMENT ON COLUMN supervision_place_change.version IS 'Optimistic lock.';

ALTER TABLE supervision_place_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_place_change FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_place_change_app ON supervision_place_change FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_place_change_system ON supervision_place_change FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT, UPDATE ON supervision_place_change TO ${app_role};
