-- Module assistance: referrals of a subject to education, civil affairs, HRSS or a social organisation (CCL ch. 5),
-- their notes, and the places each department or organisation declares per service.

CREATE TABLE assistance_referral
(
    id                 UUID         NOT NULL PRIMARY KEY,
    case_id            UUID         NOT NULL,
    service            VARCHAR(30)  NOT NULL,
    from_agency_id     UUID         NOT NULL,
    to_agency_id       UUID         NOT NULL,
    status             VARCHAR(12)  NOT NULL,
    note               BYTEA        NOT NULL,
    letter_document_id UUID,
    made_at            TIMESTAMPTZ  NOT NULL,
    made_by            UUID,
    made_by_name       VARCHAR(100),
    answered_at        TIMESTAMPTZ,
    answered_by_name   VARCHAR(100),
    decline_reason     VARCHAR(500),
    waiting_since      TIMESTAMPTZ,
    placed_at          TIMESTAMPTZ,
    first_contact_at   TIMESTAMPTZ,
    progress_notes     INT          NOT NULL DEFAULT 0,
    closed_at          TIMESTAMPTZ,
    delivered          BOOLEAN,
    outcome_note       BYTEA,
    withdrawal_reason  VARCHAR(500),
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            INT          NOT NULL DEFAULT 0,
    CHECK (status IN ('DELIVERED', 'ACCEPTED', 'WAITING', 'IN_PROGRESS', 'COMPLETED', 'DECLINED', 'WITHDRAWN')),
    CHECK (from_agency_id <> to_agency_id)
);
CREATE INDEX assistance_referral_case_idx ON assistance_referral (case_id, made_at);
CREATE INDEX assistance_referral_to_idx ON assistance_referral (to_agency_id, status, made_at);
CREATE INDEX assistance_referral_from_idx ON assistance_referral (from_agency_id, status, made_at);
CREATE INDEX assistance_referral_queue_idx ON assistance_referral (to_agency_id, service, waiting_since, id) WHERE status = 'WAITING';
COMMENT ON TABLE assistance_referral IS 'A referral of a case''s subject to an assisting department or social organisation (帮扶转介), delivered like a handover.';
COMMENT ON COLUMN assistance_referral.id IS 'Referral id.';
COMMENT ON COLUMN assistance_referral.case_id IS 'The case.';
COMMENT ON COLUMN assistance_referral.service IS 'AssistanceService asked for (SCHOOLING, SUBSISTENCE_ALLOWANCE, JOB_TRAINING, ...).';
COMMENT ON COLUMN assistance_referral.from_agency_id IS 'The referring county agency or judicial office.';
COMMENT ON COLUMN assistance_referral.to_agency_id IS 'The department or organisation asked to help (of the service''s provider type, serving the case''s district).';
COMMENT ON COLUMN assistance_referral.status IS 'DELIVERED, ACCEPTED, WAITING (accepted beyond the declared places), IN_PROGRESS, COMPLETED, DECLINED or WITHDRAWN.';
COMMENT ON COLUMN assistance_referral.note IS 'The referring officer''s note: what the subject needs (encrypted, context assistance_referral.note).';
COMMENT ON COLUMN assistance_referral.letter_document_id IS 'The generated referral letter (帮扶转介函) PDF.';
COMMENT ON COLUMN assistance_referral.made_at IS 'When it was delivered.';
COMMENT ON COLUMN assistance_referral.made_by IS 'Who referred.';
COMMENT ON COLUMN assistance_referral.made_by_name IS 'Their name as shown then.';
COMMENT ON COLUMN assistance_referral.answered_at IS 'When the receiving agency accepted or declined.';
COMMENT ON COLUMN assistance_referral.answered_by_name IS 'Who answered, as shown then.';
COMMENT ON COLUMN assistance_referral.decline_reason IS 'Why the receiving agency declined (required for a decline).';
COMMENT ON COLUMN assistance_referral.waiting_since IS 'When it joined the waiting list (first in, first placed).';
COMMENT ON COLUMN assistance_referral.placed_at IS 'When it got one of the declared places (at acceptance, or when one was freed).';
COMMENT ON COLUMN assistance_referral.first_contact_at IS 'When the receiving agency first contacted the subject.';
COMMENT ON COLUMN assistance_referral.progress_notes IS 'Number of progress notes so far (the monthly report instance follows it).';
COMMENT ON COLUMN assistance_referral.closed_at IS 'When it was completed, declined or withdrawn.';
COMMENT ON COLUMN assistance_referral.delivered IS 'Outcome: whether the service was delivered (null until completed).';
COMMENT ON COLUMN assistance_referral.outcome_note IS 'The outcome note (encrypted, context assistance_referral.outcome_note).';
COMMENT ON COLUMN assistance_referral.withdrawal_reason IS 'Why the referring agency withdrew it before an answer.';
COMMENT ON COLUMN assistance_referral.updated_at IS 'Last change.';
COMMENT ON COLUMN assistance_referral.version IS 'Optimistic lock.';

CREATE TABLE assistance_note
(
    id          UUID         NOT NULL PRIMARY KEY,
    referral_id UUID         NOT NULL REFERENCES assistance_referral (id),
    case_id     UUID         NOT NULL,
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('CONTACT', 'PROGRESS')),
    seq         INT          NOT NULL,
    happened_on DATE         NOT NULL,
    text        BYTEA        NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    recorded_by UUID,
    author_name VARCHAR(100),
    UNIQUE (referral_id, kind, seq)
);
COMMENT ON TABLE assistance_note IS 'What the receiving agency recorded: the first contact with the subject and the (at least monthly) progress notes.';
COMMENT ON COLUMN assistance_note.id IS 'Note id.';
COMMENT ON COLUMN assistance_note.referral_id IS 'The referral.';
COMMENT ON COLUMN assistance_note.case_id IS 'The case (row-level security).';
COMMENT ON COLUMN assistance_note.kind IS 'CONTACT (first contact) or PROGRESS.';
COMMENT ON COLUMN assistance_note.seq IS 'Number of the note of its kind (progress note 1, 2, ...).';
COMMENT ON COLUMN assistance_note.happened_on IS 'The day of the contact or of the progress reported.';
COMMENT ON COLUMN assistance_note.text IS 'The note (encrypted, context assistance_note.text).';
COMMENT ON COLUMN assistance_note.recorded_at IS 'When it was recorded.';
COMMENT ON COLUMN assistance_note.recorded_by IS 'Who recorded it.';
COMMENT ON COLUMN assistance_note.author_name IS 'Their name as shown then.';

CREATE TABLE assistance_capacity
(
    agency_id  UUID        NOT NULL,
    service    VARCHAR(30) NOT NULL,
    places     INT         NOT NULL CHECK (places >= 0),
    staff      INT         NOT NULL CHECK (staff >= 0),
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by UUID,
    version    INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (agency_id, service)
);
COMMENT ON TABLE assistance_capacity IS 'Places and staff a department or social organisation declares for a service; referrals accepted beyond the places wait.';
COMMENT ON COLUMN assistance_capacity.agency_id IS 'The department or organisation.';
COMMENT ON COLUMN assistance_capacity.service IS 'The AssistanceService.';
COMMENT ON COLUMN assistance_capacity.places IS 'Subjects it can assist at once in this service.';
COMMENT ON COLUMN assistance_capacity.staff IS 'Staff working on this service.';
COMMENT ON COLUMN assistance_capacity.updated_at IS 'Last change.';
COMMENT ON COLUMN assistance_capacity.updated_by IS 'Who changed it.';
COMMENT ON COLUMN assistance_capacity.version IS 'Optimistic lock.';

-- Referrals and notes are case data: only agencies with a lawful role in the case see them (doc/security-requirements.md S9).
ALTER TABLE assistance_referral ENABLE ROW LEVEL SECURITY;
CREATE POLICY assistance_referral_access ON assistance_referral FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
ALTER TABLE assistance_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY assistance_note_access ON assistance_note FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);

GRANT SELECT, INSERT, UPDATE ON assistance_referral TO ${app_role};
GRANT SELECT, INSERT ON assistance_note TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON assistance_capacity TO ${app_role};
