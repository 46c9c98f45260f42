-- Module obligation: whose move it is (doc/adr/0039-an-inbox-honest-about-who-can-act.md). An obligation of one agency
-- may wait for another organ (the documents it must receipt were returned for correction: the sender must correct and
-- resend them) or for its own trigger (registration before the documents were receipted: its clock has not started).
-- The row keeps the reason and the organ; the inbox lists such lines under "waiting for others", and the clock scan
-- does not escalate them as if the owing agency were idle. The columns are on the obligation itself, so its row-level
-- security (obligation_app, obligation_system) covers them.

ALTER TABLE obligation
    ADD COLUMN waiting_for_agency_id UUID,
    ADD COLUMN waiting_reason        VARCHAR(40),
    ADD COLUMN waiting_since         TIMESTAMPTZ,
    ADD COLUMN not_started           BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT obligation_not_started_ck CHECK (NOT not_started OR (waiting_reason IS NOT NULL AND due_at IS NULL));

COMMENT ON COLUMN obligation.waiting_for_agency_id IS 'The organ whose move it is while the obligation waits (null: it waits for its own trigger or for nobody).';
COMMENT ON COLUMN obligation.waiting_reason IS 'Why it waits, a stable key (DOCUMENTS_CORRECTION, MATERIALS_SUPPLEMENT, DOCUMENTS_NOT_DELIVERED, DOCUMENTS_TO_RECEIPT); null: the owing agency can act now.';
COMMENT ON COLUMN obligation.waiting_since IS 'Since when it waits; when it no longer waits, when its wait last ended (an older redelivered wait does not apply again).';
COMMENT ON COLUMN obligation.not_started IS 'Its trigger has not happened yet: no due time, never overdue; the clock starts with the trigger.';

-- The inbox's "to do" and "waiting for others" of one agency.
CREATE INDEX obligation_waiting_idx ON obligation (owing_agency_id) WHERE waiting_reason IS NOT NULL
    AND status IN ('OPEN', 'PAUSED', 'OVERDUE');

ALTER TABLE obligation_signal DROP CONSTRAINT obligation_signal_kind_check;
ALTER TABLE obligation_signal ADD CONSTRAINT obligation_signal_kind_check
    CHECK (kind IN ('FULFIL', 'LAPSE', 'LAPSE_ALL', 'PAUSE', 'RESUME', 'REASSIGN', 'WAIT', 'STOP_WAITING', 'START'));
COMMENT ON COLUMN obligation_signal.kind IS 'FULFIL, LAPSE, LAPSE_ALL (the case ended: every obligation it still opens lapses), PAUSE, RESUME, REASSIGN, WAIT (another organ''s move: agency_id, reason), STOP_WAITING or START (a not-started step''s trigger happened).';

COMMENT ON COLUMN obligation_history.event IS 'OPENED, PAUSED, RESUMED, DUE_CHANGED, WARNED, OVERDUE, ESCALATED, FULFILLED, FULFILLED_LATE, WAIVED, ASSIGNED, REASSIGNED, WAITING (another organ''s move or the trigger; detail: reason and organ), WAITING_ENDED, STARTED (a not-started step''s clock started).';

-- What is waiting already when this version arrives: a receipt or an assessment whose bundle was returned waits for the
-- sender's correction; a registration opened before the documents were receipted has not started (its clock starts
-- with the receipt, which the procedure's reaction now does).
UPDATE obligation o
   SET waiting_for_agency_id = h.sender_agency_id,
       waiting_reason = CASE WHEN h.kind = 'LEGAL_DOCUMENTS' THEN 'DOCUMENTS_CORRECTION' ELSE 'MATERIALS_SUPPLEMENT' END,
       waiting_since = coalesce(h.answered_at, o.updated_at)
  FROM exchange_handover h
 WHERE h.case_id = o.case_id AND h.status = 'REJECTED'
   AND ((h.kind = 'LEGAL_DOCUMENTS' AND o.step_id = 'docs.receipt')
     OR (h.kind = 'ASSESSMENT_ENTRUSTMENT' AND o.step_id = 'assess.complete'))
   AND o.status IN ('OPEN', 'PAUSED', 'OVERDUE');

UPDATE obligation o
   SET not_started = TRUE, status = 'OPEN', urgency = 1, due_at = NULL, due_date = NULL, warn_at = NULL, warned_at = NULL,
       next_escalation_at = NULL,
       waiting_for_agency_id = CASE WHEN c.documents_state = 'DELIVERED' THEN NULL ELSE c.decision_organ_id END,
       waiting_reason = CASE c.documents_state WHEN 'DELIVERED' THEN 'DOCUMENTS_TO_RECEIPT'
                                               WHEN 'REJECTED' THEN 'DOCUMENTS_CORRECTION'
                                               ELSE 'DOCUMENTS_NOT_DELIVERED' END,
       waiting_since = o.started_at
  FROM casefile_case c
 WHERE c.id = o.case_id AND o.step_id = 'intake.register' AND o.status IN ('OPEN', 'OVERDUE')
   AND c.status = 'INTAKE' AND c.documents_state <> 'RECEIPTED';
