-- Module obligation: the ledger of who owes what to whom by when, its history (append-only, so that any past day's
-- state can be recomputed for statistics), and escalations.

CREATE TABLE obligation
(
    id                     UUID        NOT NULL PRIMARY KEY,
    case_id                UUID        NOT NULL,
    step_id                VARCHAR(40) NOT NULL,
    instance               VARCHAR(40) NOT NULL DEFAULT '',
    policy_version_id      UUID        NOT NULL,
    policy_region          VARCHAR(12) NOT NULL,
    owing_agency_id        UUID        NOT NULL,
    owed_by_subject        BOOLEAN     NOT NULL DEFAULT FALSE,
    counterparty_agency_id UUID,
    status                 VARCHAR(16) NOT NULL,
    urgency                SMALLINT    NOT NULL,
    deadline_kind          VARCHAR(20) NOT NULL,
    deadline_amount        INT,
    custody                BOOLEAN     NOT NULL DEFAULT FALSE,
    calendar_region        VARCHAR(12) NOT NULL,
    started_at             TIMESTAMPTZ NOT NULL,
    clock_start            TIMESTAMPTZ NOT NULL,
    remaining_amount       INT,
    due_at                 TIMESTAMPTZ,
    due_date               DATE,
    alert_only             BOOLEAN     NOT NULL DEFAULT FALSE,
    provisional            BOOLEAN     NOT NULL DEFAULT FALSE,
    warn_at                TIMESTAMPTZ,
    warned_at              TIMESTAMPTZ,
    paused_at              TIMESTAMPTZ,
    pause_reason           VARCHAR(200),
    previous_due_at        TIMESTAMPTZ,
    due_changed_at         TIMESTAMPTZ,
    fulfilled_at           TIMESTAMPTZ,
    fulfilled_by           UUID,
    waived_at              TIMESTAMPTZ,
    waived_by              UUID,
    waiver_reason          VARCHAR(500),
    escalation_level       INT         NOT NULL DEFAULT 0,
    next_escalation_at     TIMESTAMPTZ,
    escalation_working_days INT        NOT NULL DEFAULT 2,
    assignee_user_id       UUID,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                INT         NOT NULL DEFAULT 0,
    UNIQUE (case_id, step_id, instance),
    CHECK (status IN ('OPEN', 'PAUSED', 'OVERDUE', 'FULFILLED', 'FULFILLED_LATE', 'WAIVED'))
);
-- The inbox: an agency's open obligations, overdue first, then by due time. Partial, so closed rows cost nothing.
CREATE INDEX obligation_inbox_idx ON obligation (owing_agency_id, urgency, due_at) WHERE status IN ('OPEN', 'PAUSED', 'OVERDUE');
CREATE INDEX obligation_assignee_idx ON obligation (assignee_user_id, urgency, due_at)
    WHERE status IN ('OPEN', 'PAUSED', 'OVERDUE') AND assignee_user_id IS NOT NULL;
CREATE INDEX obligation_due_scan_idx ON obligation (due_at) WHERE status = 'OPEN';
CREATE INDEX obligation_warn_scan_idx ON obligation (warn_at) WHERE status = 'OPEN' AND warned_at IS NULL;
CREATE INDEX obligation_escalation_scan_idx ON obligation (next_escalation_at) WHERE status = 'OVERDUE';
CREATE INDEX obligation_case_idx ON obligation (case_id);
CREATE INDEX obligation_provisional_idx ON obligation (calendar_region) WHERE provisional AND status IN ('OPEN', 'PAUSED', 'OVERDUE');
COMMENT ON TABLE obligation IS 'The ledger: agency X owes step Y of case Z to agency W by due time T (doc/architecture.md §3).';
COMMENT ON COLUMN obligation.id IS 'Obligation id.';
COMMENT ON COLUMN obligation.case_id IS 'The case.';
COMMENT ON COLUMN obligation.step_id IS 'The procedure step of the policy model.';
COMMENT ON COLUMN obligation.instance IS 'Distinguishes repeated occurrences of a step in one case (e.g. a second supplement).';
COMMENT ON COLUMN obligation.policy_version_id IS 'The policy version in force when the step was triggered.';
COMMENT ON COLUMN obligation.policy_region IS 'Its region.';
COMMENT ON COLUMN obligation.owing_agency_id IS 'The agency that owes the step (for a step the subject owes: the agency watching it).';
COMMENT ON COLUMN obligation.owed_by_subject IS 'The subject owes the step; the owing agency watches it ("awaiting the subject").';
COMMENT ON COLUMN obligation.counterparty_agency_id IS 'The agency it is owed to.';
COMMENT ON COLUMN obligation.status IS 'OPEN, PAUSED, OVERDUE, FULFILLED, FULFILLED_LATE or WAIVED.';
COMMENT ON COLUMN obligation.urgency IS 'Inbox order: 0 overdue, 1 open, 2 paused.';
COMMENT ON COLUMN obligation.deadline_kind IS 'Deadline rule kind copied from the policy step.';
COMMENT ON COLUMN obligation.deadline_amount IS 'Deadline amount (working days, calendar days, months or hours).';
COMMENT ON COLUMN obligation.custody IS 'The person is in custody: calendar-day periods are not extended over holidays.';
COMMENT ON COLUMN obligation.calendar_region IS 'Working calendar used (CN or a region with its own extras).';
COMMENT ON COLUMN obligation.started_at IS 'When the trigger happened.';
COMMENT ON COLUMN obligation.clock_start IS 'Start of the running stretch of the clock (the trigger, or the last resumption).';
COMMENT ON COLUMN obligation.remaining_amount IS 'Amount still to run from clock_start (less than the rule''s amount after a pause).';
COMMENT ON COLUMN obligation.due_at IS 'When the period ends (the end of the due date); for IMMEDIATELY/PROMPTLY the alert time.';
COMMENT ON COLUMN obligation.due_date IS 'The legal due date (last day of the period).';
COMMENT ON COLUMN obligation.alert_only IS 'No legal due date (立即/及时): due_at is the policy''s alert threshold.';
COMMENT ON COLUMN obligation.provisional IS 'The due date was counted on a provisional calendar year; it is recomputed when the year is published.';
COMMENT ON COLUMN obligation.warn_at IS 'When to warn that the due date is near.';
COMMENT ON COLUMN obligation.warned_at IS 'When the warning was given.';
COMMENT ON COLUMN obligation.paused_at IS 'When the clock was stopped (pausable steps).';
COMMENT ON COLUMN obligation.pause_reason IS 'Why the clock stopped.';
COMMENT ON COLUMN obligation.previous_due_at IS 'The due time before the last recomputation.';
COMMENT ON COLUMN obligation.due_changed_at IS 'When the due time was last recomputed (shown to the owner).';
COMMENT ON COLUMN obligation.fulfilled_at IS 'When the step was done.';
COMMENT ON COLUMN obligation.fulfilled_by IS 'Who did it.';
COMMENT ON COLUMN obligation.waived_at IS 'When it was waived.';
COMMENT ON COLUMN obligation.waived_by IS 'Who approved the waiver.';
COMMENT ON COLUMN obligation.waiver_reason IS 'Why.';
COMMENT ON COLUMN obligation.escalation_level IS '0 none, 1 the organ one level up, 2 the coordination office.';
COMMENT ON COLUMN obligation.next_escalation_at IS 'When an overdue step goes to the next level.';
COMMENT ON COLUMN obligation.escalation_working_days IS 'Working days between escalation levels (policy setting).';
COMMENT ON COLUMN obligation.assignee_user_id IS 'The person handling it (their personal inbox).';
COMMENT ON COLUMN obligation.created_at IS 'When the obligation was opened.';
COMMENT ON COLUMN obligation.updated_at IS 'Last change.';
COMMENT ON COLUMN obligation.version IS 'Optimistic lock.';

CREATE TABLE obligation_history
(
    id            BIGSERIAL   NOT NULL PRIMARY KEY,
    obligation_id UUID        NOT NULL REFERENCES obligation (id),
    case_id       UUID        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    event         VARCHAR(20) NOT NULL,
    status_after  VARCHAR(16) NOT NULL,
    due_at        TIMESTAMPTZ,
    agency_id     UUID,
    actor_user_id UUID,
    detail        VARCHAR(500)
);
CREATE INDEX obligation_history_obligation_idx ON obligation_history (obligation_id, id);
CREATE INDEX obligation_history_time_idx ON obligation_history (occurred_at);
COMMENT ON TABLE obligation_history IS 'Append-only history of every obligation (opened, paused, resumed, due changed, warned, overdue, escalated, fulfilled, waived): the ledger as of any past moment.';
COMMENT ON COLUMN obligation_history.id IS 'Entry id.';
COMMENT ON COLUMN obligation_history.obligation_id IS 'The obligation.';
COMMENT ON COLUMN obligation_history.case_id IS 'Its case.';
COMMENT ON COLUMN obligation_history.occurred_at IS 'When.';
COMMENT ON COLUMN obligation_history.event IS 'OPENED, PAUSED, RESUMED, DUE_CHANGED, WARNED, OVERDUE, ESCALATED, FULFILLED, FULFILLED_LATE, WAIVED, ASSIGNED, REASSIGNED.';
COMMENT ON COLUMN obligation_history.status_after IS 'Status after the event.';
COMMENT ON COLUMN obligation_history.due_at IS 'Due time after the event.';
COMMENT ON COLUMN obligation_history.agency_id IS 'The agency concerned (owing agency; for ESCALATED the agency escalated to).';
COMMENT ON COLUMN obligation_history.actor_user_id IS 'Who (null for the system).';
COMMENT ON COLUMN obligation_history.detail IS 'Reason or note.';
CREATE FUNCTION obligation_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'obligation history is append-only';
END;
$$;
CREATE TRIGGER obligation_history_append_only BEFORE UPDATE OR DELETE ON obligation_history
    FOR EACH ROW EXECUTE FUNCTION obligation_history_refuse_change();

CREATE TABLE obligation_escalation
(
    obligation_id UUID        NOT NULL REFERENCES obligation (id),
    level         INT         NOT NULL,
    agency_id     UUID        NOT NULL,
    escalated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (obligation_id, level)
);
CREATE INDEX obligation_escalation_agency_idx ON obligation_escalation (agency_id, escalated_at DESC);
COMMENT ON TABLE obligation_escalation IS 'Overdue obligations escalated to the organ one level up (level 1) and to the coordination office (level 2).';
COMMENT ON COLUMN obligation_escalation.obligation_id IS 'The overdue obligation.';
COMMENT ON COLUMN obligation_escalation.level IS '1 or 2.';
COMMENT ON COLUMN obligation_escalation.agency_id IS 'The agency it was escalated to.';
COMMENT ON COLUMN obligation_escalation.escalated_at IS 'When.';

GRANT SELECT, INSERT, UPDATE ON obligation TO ${app_role};
GRANT SELECT, INSERT ON obligation_history, obligation_escalation TO ${app_role};
GRANT USAGE ON SEQUENCE obligation_history_id_seq TO ${app_role};
