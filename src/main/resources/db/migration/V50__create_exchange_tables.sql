-- Module exchange: acknowledged handovers of legal documents between organs, round by round, with copies.

CREATE TABLE exchange_handover
(
    id                  UUID         NOT NULL PRIMARY KEY,
    case_id             UUID         NOT NULL,
    kind                VARCHAR(30)  NOT NULL,
    step_id             VARCHAR(40)  NOT NULL,
    sender_agency_id    UUID         NOT NULL,
    receiver_agency_id  UUID         NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    round               INT          NOT NULL DEFAULT 0,
    audience            VARCHAR(300) NOT NULL,
    note                VARCHAR(500),
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          UUID,
    first_delivered_at  TIMESTAMPTZ,
    last_delivered_at   TIMESTAMPTZ,
    answered_at         TIMESTAMPTZ,
    receipt_document_id UUID,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             INT          NOT NULL DEFAULT 0,
    CHECK (status IN ('PREPARED', 'DELIVERED', 'REJECTED', 'RECEIPTED', 'CANCELLED')),
    CHECK (sender_agency_id <> receiver_agency_id)
);
CREATE INDEX exchange_handover_case_idx ON exchange_handover (case_id, created_at);
CREATE INDEX exchange_handover_receiver_idx ON exchange_handover (receiver_agency_id, last_delivered_at) WHERE status = 'DELIVERED';
CREATE INDEX exchange_handover_sender_idx ON exchange_handover (sender_agency_id, updated_at) WHERE status IN ('PREPARED', 'REJECTED');
COMMENT ON TABLE exchange_handover IS 'A bundle of legal documents from one organ to another for a case (doc/architecture.md §3, acknowledged handovers).';
COMMENT ON COLUMN exchange_handover.id IS 'Handover id.';
COMMENT ON COLUMN exchange_handover.case_id IS 'The case.';
COMMENT ON COLUMN exchange_handover.kind IS 'ASSESSMENT_ENTRUSTMENT, ASSESSMENT_OPINION, EXECUTION_NOTICE, LEGAL_DOCUMENTS or SUBJECT_TRANSFER.';
COMMENT ON COLUMN exchange_handover.step_id IS 'The procedure step the delivery discharges.';
COMMENT ON COLUMN exchange_handover.sender_agency_id IS 'The sending organ.';
COMMENT ON COLUMN exchange_handover.receiver_agency_id IS 'The receiving organ, which receipts or rejects.';
COMMENT ON COLUMN exchange_handover.status IS 'PREPARED, DELIVERED, REJECTED, RECEIPTED or CANCELLED.';
COMMENT ON COLUMN exchange_handover.round IS 'Delivery rounds so far (1 = first delivery, 2 = first supplement, ...).';
COMMENT ON COLUMN exchange_handover.audience IS 'Participations that see it on the case timeline (comma-separated).';
COMMENT ON COLUMN exchange_handover.note IS 'The sender''s covering note.';
COMMENT ON COLUMN exchange_handover.created_at IS 'When it was prepared.';
COMMENT ON COLUMN exchange_handover.created_by IS 'Who prepared it.';
COMMENT ON COLUMN exchange_handover.first_delivered_at IS 'First delivery (the receiver''s periods run from deliveries).';
COMMENT ON COLUMN exchange_handover.last_delivered_at IS 'Latest delivery or supplement.';
COMMENT ON COLUMN exchange_handover.answered_at IS 'When it was receipted (or last rejected).';
COMMENT ON COLUMN exchange_handover.receipt_document_id IS 'The generated receipt (回执) PDF.';
COMMENT ON COLUMN exchange_handover.updated_at IS 'Last change.';
COMMENT ON COLUMN exchange_handover.version IS 'Optimistic lock.';

CREATE TABLE exchange_copy
(
    handover_id  UUID        NOT NULL REFERENCES exchange_handover (id),
    agency_id    UUID        NOT NULL,
    delivered_at TIMESTAMPTZ,
    PRIMARY KEY (handover_id, agency_id)
);
CREATE INDEX exchange_copy_agency_idx ON exchange_copy (agency_id, delivered_at DESC) WHERE delivered_at IS NOT NULL;
COMMENT ON TABLE exchange_copy IS 'Copy recipients (抄送) of a handover: they see every round, they do not answer.';
COMMENT ON COLUMN exchange_copy.handover_id IS 'The handover.';
COMMENT ON COLUMN exchange_copy.agency_id IS 'The copied organ (procuratorate, police).';
COMMENT ON COLUMN exchange_copy.delivered_at IS 'When the copy reached it (the first delivery).';

CREATE TABLE exchange_item
(
    id          UUID        NOT NULL PRIMARY KEY,
    handover_id UUID        NOT NULL REFERENCES exchange_handover (id),
    position    INT         NOT NULL,
    code        VARCHAR(30) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    document_id UUID,
    added_round INT         NOT NULL,
    UNIQUE (handover_id, position)
);
COMMENT ON TABLE exchange_item IS 'The documents of a handover; supplements add items in later rounds.';
COMMENT ON COLUMN exchange_item.id IS 'Item id.';
COMMENT ON COLUMN exchange_item.handover_id IS 'The handover.';
COMMENT ON COLUMN exchange_item.position IS 'Order in the bundle.';
COMMENT ON COLUMN exchange_item.code IS 'Kind of document (ItemCode).';
COMMENT ON COLUMN exchange_item.title IS 'Title as written on the document, e.g. its number.';
COMMENT ON COLUMN exchange_item.document_id IS 'The attached file or generated PDF, when there is one.';
COMMENT ON COLUMN exchange_item.added_round IS 'Round in which it was added (0 = prepared before the first delivery).';

CREATE TABLE exchange_round
(
    handover_id  UUID        NOT NULL REFERENCES exchange_handover (id),
    round        INT         NOT NULL,
    delivered_at TIMESTAMPTZ NOT NULL,
    delivered_by UUID,
    delivered_by_name VARCHAR(100),
    outcome      VARCHAR(10),
    answered_at  TIMESTAMPTZ,
    answered_by  UUID,
    answered_by_name VARCHAR(100),
    note         VARCHAR(500),
    PRIMARY KEY (handover_id, round),
    CHECK (outcome IS NULL OR outcome IN ('RECEIPTED', 'REJECTED'))
);
COMMENT ON TABLE exchange_round IS 'Each delivery of a handover and the receiver''s answer to it.';
COMMENT ON COLUMN exchange_round.handover_id IS 'The handover.';
COMMENT ON COLUMN exchange_round.round IS 'Round number.';
COMMENT ON COLUMN exchange_round.delivered_at IS 'When it was delivered.';
COMMENT ON COLUMN exchange_round.delivered_by IS 'Who delivered it.';
COMMENT ON COLUMN exchange_round.delivered_by_name IS 'Their name as shown then.';
COMMENT ON COLUMN exchange_round.outcome IS 'RECEIPTED or REJECTED; null while awaited.';
COMMENT ON COLUMN exchange_round.answered_at IS 'When the receiver answered.';
COMMENT ON COLUMN exchange_round.answered_by IS 'Who answered.';
COMMENT ON COLUMN exchange_round.answered_by_name IS 'Their name as shown then.';
COMMENT ON COLUMN exchange_round.note IS 'The receiver''s note.';

CREATE TABLE exchange_problem
(
    handover_id UUID         NOT NULL,
    round       INT          NOT NULL,
    position    INT          NOT NULL,
    code        VARCHAR(30)  NOT NULL,
    item_id     UUID,
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('MISSING', 'DEFECTIVE')),
    note        VARCHAR(300),
    PRIMARY KEY (handover_id, round, position),
    FOREIGN KEY (handover_id, round) REFERENCES exchange_round (handover_id, round)
);
COMMENT ON TABLE exchange_problem IS 'What a rejection names: items missing from the bundle or defective ones.';
COMMENT ON COLUMN exchange_problem.handover_id IS 'The handover.';
COMMENT ON COLUMN exchange_problem.round IS 'The rejected round.';
COMMENT ON COLUMN exchange_problem.position IS 'Order in the rejection.';
COMMENT ON COLUMN exchange_problem.code IS 'Kind of document concerned.';
COMMENT ON COLUMN exchange_problem.item_id IS 'The defective item, if one came.';
COMMENT ON COLUMN exchange_problem.kind IS 'MISSING or DEFECTIVE.';
COMMENT ON COLUMN exchange_problem.note IS 'What is wrong.';

-- Handovers are case data: only agencies with a lawful role in the case see them (doc/security-requirements.md S9).
ALTER TABLE exchange_handover ENABLE ROW LEVEL SECURITY;
CREATE POLICY exchange_handover_access ON exchange_handover FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);

GRANT SELECT, INSERT, UPDATE ON exchange_handover TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON exchange_copy, exchange_round TO ${app_role};
GRANT SELECT, INSERT ON exchange_item, exchange_problem TO ${app_role};
