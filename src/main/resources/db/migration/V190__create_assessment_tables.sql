-- Module assessment (doc/adr/0035): the graduated responses decided by the county agency (commendation, reprimand,
-- warning), its proposals to other organs (revocation with or without an arrest request, custody of a temporary-execution
-- subject, a public-security penalty) with the receiver's decisions, and the facts other modules report about a case
-- (missed contacts, overdue return from leave, lost contact). Free texts are encrypted (FieldCipher, context = table.column).

CREATE TABLE assessment_decision
(
    id                 UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL REFERENCES casefile_case (id),
    kind               VARCHAR(20)  NOT NULL CHECK (kind IN ('COMMENDATION', 'REPRIMAND', 'WARNING')),
    reasons            VARCHAR(300) NOT NULL,
    out_of_contact_days INT,
    facts_enc          BYTEA        NOT NULL,
    evidence_enc       BYTEA,
    decided_at         TIMESTAMPTZ  NOT NULL,
    decided_by         UUID         NOT NULL,
    approver_name      VARCHAR(100) NOT NULL,
    agency_id          UUID         NOT NULL,
    policy_version_id  UUID
);
CREATE INDEX assessment_decision_case ON assessment_decision (case_id, decided_at);
COMMENT ON TABLE assessment_decision IS 'A reward or sanction the county agency decided (表扬, 训诫, 警告; CCL art. 28).';
COMMENT ON COLUMN assessment_decision.id IS 'The decision.';
COMMENT ON COLUMN assessment_decision.case_id IS 'The case.';
COMMENT ON COLUMN assessment_decision.kind IS 'COMMENDATION, REPRIMAND or WARNING.';
COMMENT ON COLUMN assessment_decision.reasons IS 'The reason codes (ReasonCode), comma-separated.';
COMMENT ON COLUMN assessment_decision.out_of_contact_days IS 'Days out of contact the office verified, where a reason is lost contact.';
COMMENT ON COLUMN assessment_decision.facts_enc IS 'The facts found, encrypted (assessment_decision.facts).';
COMMENT ON COLUMN assessment_decision.evidence_enc IS 'The evidence relied on, one item a line, encrypted (assessment_decision.evidence).';
COMMENT ON COLUMN assessment_decision.decided_at IS 'When it was decided.';
COMMENT ON COLUMN assessment_decision.decided_by IS 'The user who recorded and approved it.';
COMMENT ON COLUMN assessment_decision.approver_name IS 'That user''s name as shown on the decision.';
COMMENT ON COLUMN assessment_decision.agency_id IS 'The county agency that decided.';
COMMENT ON COLUMN assessment_decision.policy_version_id IS 'The policy version whose thresholds the engine applied.';

CREATE TABLE assessment_proposal
(
    id                 UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL REFERENCES casefile_case (id),
    kind               VARCHAR(30)  NOT NULL CHECK (kind IN ('REVOCATION', 'CUSTODY', 'POLICE_PENALTY')),
    status             VARCHAR(20)  NOT NULL CHECK (status IN ('SUBMITTED', 'GRANTED', 'REFUSED', 'COMMITTED')),
    arrest             VARCHAR(20)  NOT NULL CHECK (arrest IN ('NONE', 'REQUESTED', 'APPROVED', 'REFUSED', 'EXECUTED', 'RELEASED')),
    reasons            VARCHAR(300) NOT NULL,
    out_of_contact_days INT,
    facts_enc          BYTEA        NOT NULL,
    evidence_enc       BYTEA,
    arrest_reason_enc  BYTEA,
    sender_agency_id   UUID         NOT NULL,
    receiver_agency_id UUID         NOT NULL,
    handover_id        UUID,
    submitted_at       TIMESTAMPTZ  NOT NULL,
    submitted_by       UUID         NOT NULL,
    approver_name      VARCHAR(100) NOT NULL,
    arrest_decided_at  TIMESTAMPTZ,
    arrested_at        TIMESTAMPTZ,
    released_at        TIMESTAMPTZ,
    ruled_on           DATE,
    ruled_at           TIMESTAMPTZ,
    ruling_note_enc    BYTEA,
    committed_at       TIMESTAMPTZ,
    institution_id     UUID,
    policy_version_id  UUID,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            INT          NOT NULL DEFAULT 0
);
CREATE INDEX assessment_proposal_case ON assessment_proposal (case_id, submitted_at);
COMMENT ON TABLE assessment_proposal IS 'A proposal of the county agency to another organ (CCL arts. 28, 46–49) and that organ''s decisions.';
COMMENT ON COLUMN assessment_proposal.id IS 'The proposal (the instance key of its steps on the ledger).';
COMMENT ON COLUMN assessment_proposal.case_id IS 'The case.';
COMMENT ON COLUMN assessment_proposal.kind IS 'REVOCATION (probation or parole), CUSTODY (收监执行) or POLICE_PENALTY.';
COMMENT ON COLUMN assessment_proposal.status IS 'SUBMITTED, GRANTED (revoked, custody or penalty decided), REFUSED, COMMITTED (delivered to prison).';
COMMENT ON COLUMN assessment_proposal.arrest IS 'The arrest request: NONE, REQUESTED, APPROVED, REFUSED, EXECUTED, RELEASED.';
COMMENT ON COLUMN assessment_proposal.reasons IS 'The reason codes (ReasonCode), comma-separated.';
COMMENT ON COLUMN assessment_proposal.out_of_contact_days IS 'Days out of contact verified, where a reason is lost contact.';
COMMENT ON COLUMN assessment_proposal.facts_enc IS 'The facts, encrypted (assessment_proposal.facts).';
COMMENT ON COLUMN assessment_proposal.evidence_enc IS 'The evidence, one item a line, encrypted (assessment_proposal.evidence).';
COMMENT ON COLUMN assessment_proposal.arrest_reason_enc IS 'Why arrest is requested (flight risk, danger), encrypted (assessment_proposal.arrest_reason).';
COMMENT ON COLUMN assessment_proposal.sender_agency_id IS 'The county agency that proposed.';
COMMENT ON COLUMN assessment_proposal.receiver_agency_id IS 'The court, decision organ or police asked to rule or decide.';
COMMENT ON COLUMN assessment_proposal.handover_id IS 'The handover that carried it.';
COMMENT ON COLUMN assessment_proposal.submitted_at IS 'When it was delivered.';
COMMENT ON COLUMN assessment_proposal.submitted_by IS 'The user who submitted and approved it.';
COMMENT ON COLUMN assessment_proposal.approver_name IS 'That user''s name as shown on the proposal.';
COMMENT ON COLUMN assessment_proposal.arrest_decided_at IS 'When the court decided on the arrest request.';
COMMENT ON COLUMN assessment_proposal.arrested_at IS 'When the police executed the arrest.';
COMMENT ON COLUMN assessment_proposal.released_at IS 'When an arrested subject was released (not revoked, or the 30 days ran out).';
COMMENT ON COLUMN assessment_proposal.ruled_on IS 'The date of the ruling or decision.';
COMMENT ON COLUMN assessment_proposal.ruled_at IS 'When the ruling was recorded.';
COMMENT ON COLUMN assessment_proposal.ruling_note_enc IS 'The ruling''s number and gist, encrypted (assessment_proposal.ruling_note).';
COMMENT ON COLUMN assessment_proposal.committed_at IS 'When the police delivered the subject to prison or the detention centre.';
COMMENT ON COLUMN assessment_proposal.institution_id IS 'The prison or detention centre that took the subject in.';
COMMENT ON COLUMN assessment_proposal.policy_version_id IS 'The policy version whose thresholds the engine applied.';
COMMENT ON COLUMN assessment_proposal.updated_at IS 'Last change.';
COMMENT ON COLUMN assessment_proposal.version IS 'Optimistic lock.';

CREATE TABLE assessment_fact
(
    id              UUID        PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES casefile_case (id),
    kind            VARCHAR(30) NOT NULL CHECK (kind IN ('CONTACT_MISSED', 'LEAVE_RETURN_OVERDUE', 'CONTACT_LOST', 'CONTACT_RESTORED')),
    occurred_on     DATE        NOT NULL,
    source_event_id UUID        NOT NULL UNIQUE,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX assessment_fact_case ON assessment_fact (case_id, occurred_on);
COMMENT ON TABLE assessment_fact IS 'Facts about a case other modules report by event, counted by the graduated-response engine.';
COMMENT ON COLUMN assessment_fact.id IS 'The fact.';
COMMENT ON COLUMN assessment_fact.case_id IS 'The case.';
COMMENT ON COLUMN assessment_fact.kind IS 'CONTACT_MISSED, LEAVE_RETURN_OVERDUE, CONTACT_LOST or CONTACT_RESTORED.';
COMMENT ON COLUMN assessment_fact.occurred_on IS 'The day it happened.';
COMMENT ON COLUMN assessment_fact.source_event_id IS 'The event that reported it (a redelivered event is recorded once).';
COMMENT ON COLUMN assessment_fact.recorded_at IS 'When it was recorded.';

ALTER TABLE assessment_decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_decision FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_decision_app ON assessment_decision FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY assessment_decision_system ON assessment_decision FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
ALTER TABLE assessment_proposal ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_proposal FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_proposal_app ON assessment_proposal FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY assessment_proposal_system ON assessment_proposal FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
ALTER TABLE assessment_fact ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_fact FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_fact_app ON assessment_fact FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY assessment_fact_system ON assessment_fact FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);

-- Decisions are a record: inserted, never changed. Proposals move through their decisions.
GRANT SELECT, INSERT ON assessment_decision TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON assessment_proposal TO ${app_role};
GRANT SELECT, INSERT ON assessment_fact TO ${app_role};
