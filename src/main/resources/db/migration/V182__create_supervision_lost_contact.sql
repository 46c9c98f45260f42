-- Module supervision: lost contact (失去联系, CCL art. 30): the search opened at once (missing.search), the police's
-- assistance and the notice to the decision organ as handovers, the outcome.

CREATE TABLE supervision_lost_contact
(
    id                 UUID        NOT NULL PRIMARY KEY,
    case_id            UUID        NOT NULL REFERENCES casefile_case (id),
    state              VARCHAR(10) NOT NULL,
    lost_since         TIMESTAMPTZ NOT NULL,
    circumstances_enc  BYTEA       NOT NULL,
    reported_at        TIMESTAMPTZ NOT NULL,
    police_handover_id UUID,
    notice_handover_id UUID,
    found_at           TIMESTAMPTZ,
    found_note_enc     BYTEA,
    over_a_month_at    TIMESTAMPTZ,
    version            INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX supervision_lost_contact_case_idx ON supervision_lost_contact (case_id, lost_since);
CREATE INDEX supervision_lost_contact_searching_idx ON supervision_lost_contact (lost_since) WHERE state = 'SEARCHING';
COMMENT ON TABLE supervision_lost_contact IS 'Losses of contact with a subject (CCL art. 30): the search, the police''s assistance, the notice and the outcome.';
COMMENT ON COLUMN supervision_lost_contact.id IS 'Record id (the instance key of missing.search).';
COMMENT ON COLUMN supervision_lost_contact.case_id IS 'The case.';
COMMENT ON COLUMN supervision_lost_contact.state IS 'SEARCHING or FOUND.';
COMMENT ON COLUMN supervision_lost_contact.lost_since IS 'Since when contact is lost.';
COMMENT ON COLUMN supervision_lost_contact.circumstances_enc IS 'How contact was lost and what was tried, encrypted.';
COMMENT ON COLUMN supervision_lost_contact.reported_at IS 'When the county agency reported it.';
COMMENT ON COLUMN supervision_lost_contact.police_handover_id IS 'The request for the police''s assistance (a handover).';
COMMENT ON COLUMN supervision_lost_contact.notice_handover_id IS 'The notice to the decision organ, copy to the procuratorate (a handover).';
COMMENT ON COLUMN supervision_lost_contact.found_at IS 'When the subject was found.';
COMMENT ON COLUMN supervision_lost_contact.found_note_enc IS 'How the subject was found and what follows, encrypted.';
COMMENT ON COLUMN supervision_lost_contact.over_a_month_at IS 'When it was announced that the subject is still missing a month on (a revocation ground).';
COMMENT ON COLUMN supervision_lost_contact.version IS 'Optimistic lock.';

ALTER TABLE supervision_lost_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_lost_contact FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_lost_contact_app ON supervision_lost_contact FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_lost_contact_system ON supervision_lost_contact FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT, UPDATE ON supervision_lost_contact TO ${app_role};
