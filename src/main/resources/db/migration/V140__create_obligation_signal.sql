-- Module obligation: commands that reached the ledger before they could apply. The reactions of the procedure run in
-- concurrent transactions and, after a crash, in any order (the event publication registry delivers again what did not
-- complete): the reaction that fulfils, pauses, resumes, reassigns or lets a step lapse may run before the one that
-- opens it has committed, or a resumption before its pause. Such a command is kept here, in the same transaction, and
-- applied as soon as the obligation is in a state it applies to (ADR 0028). Commands on one case or matter are
-- serialised by a transaction-scoped advisory lock, so a command is either applied or kept, never lost in between.

CREATE TABLE obligation_signal
(
    id              BIGSERIAL   NOT NULL PRIMARY KEY,
    case_id         UUID,
    matter_kind     VARCHAR(20),
    matter_id       UUID,
    step_id         VARCHAR(40) NOT NULL,
    instance        VARCHAR(40) NOT NULL,
    kind            VARCHAR(12) NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    actor_user_id   UUID,
    actor_name      VARCHAR(100),
    actor_agency_id UUID,
    agency_id       UUID,
    reason          VARCHAR(500),
    recorded_at     TIMESTAMPTZ NOT NULL,
    applied_at      TIMESTAMPTZ,
    obligation_id   UUID REFERENCES obligation (id),
    CHECK (kind IN ('FULFIL', 'LAPSE', 'LAPSE_ALL', 'PAUSE', 'RESUME', 'REASSIGN')),
    CHECK ((case_id IS NOT NULL AND matter_kind IS NULL AND matter_id IS NULL)
        OR (case_id IS NULL AND matter_kind IS NOT NULL AND matter_id IS NOT NULL)),
    CHECK (kind <> 'LAPSE_ALL' OR (case_id IS NOT NULL AND step_id = '*' AND instance = '*')),
    CHECK (kind <> 'REASSIGN' OR agency_id IS NOT NULL)
);
CREATE INDEX obligation_signal_case_idx ON obligation_signal (case_id, step_id, instance) WHERE applied_at IS NULL;
CREATE INDEX obligation_signal_matter_idx ON obligation_signal (matter_kind, matter_id, step_id, instance)
    WHERE applied_at IS NULL;

COMMENT ON TABLE obligation_signal IS 'Ledger commands (fulfil, lapse, pause, resume, reassign) that arrived before the obligation they concern was in a state they apply to; applied when it is (ADR 0028).';
COMMENT ON COLUMN obligation_signal.id IS 'Order of arrival (ties of occurred_at).';
COMMENT ON COLUMN obligation_signal.case_id IS 'The case of the obligation (null for a matter).';
COMMENT ON COLUMN obligation_signal.matter_kind IS 'For an obligation about a matter: MEETING_DECISION or CONFLICT.';
COMMENT ON COLUMN obligation_signal.matter_id IS 'For an obligation about a matter: the decision or conflict.';
COMMENT ON COLUMN obligation_signal.step_id IS 'The step of the obligation; * for LAPSE_ALL (every step of the case).';
COMMENT ON COLUMN obligation_signal.instance IS 'The instance of the step; * for LAPSE_ALL.';
COMMENT ON COLUMN obligation_signal.kind IS 'FULFIL, LAPSE, LAPSE_ALL (the case ended: every obligation it still opens lapses), PAUSE, RESUME or REASSIGN.';
COMMENT ON COLUMN obligation_signal.occurred_at IS 'When the fact behind the command happened (the fulfilment, pause or resumption time it carries).';
COMMENT ON COLUMN obligation_signal.actor_user_id IS 'Who did it (null: the system).';
COMMENT ON COLUMN obligation_signal.actor_name IS 'Their name as the event carried it.';
COMMENT ON COLUMN obligation_signal.actor_agency_id IS 'Their agency.';
COMMENT ON COLUMN obligation_signal.agency_id IS 'REASSIGN: the agency that carries the step from now on.';
COMMENT ON COLUMN obligation_signal.reason IS 'PAUSE and LAPSE: the reason shown with the obligation.';
COMMENT ON COLUMN obligation_signal.recorded_at IS 'When the ledger kept the command.';
COMMENT ON COLUMN obligation_signal.applied_at IS 'When it was applied (null while waiting; LAPSE_ALL stays waiting: it applies to every later opening).';
COMMENT ON COLUMN obligation_signal.obligation_id IS 'The obligation it was applied to.';

-- Row-level security like the obligations themselves (doc/security-requirements.md S9, doc/adr/0022): forced, so the owner is bound
-- too. The application role sees a kept command through the case it concerns, or for a matter through the obligation
-- rule (coordination offices, escalations), or through the obligation it was applied to; the owner role — the
-- reactions and scans that issue most commands — sees every row through its own policy.
ALTER TABLE obligation_signal ENABLE ROW LEVEL SECURITY;
ALTER TABLE obligation_signal FORCE ROW LEVEL SECURITY;
CREATE POLICY obligation_signal_app ON obligation_signal FOR ALL TO ${app_role}
    USING (obligation_visible(case_id, obligation_id, NULL, NULL)
        OR (obligation_id IS NOT NULL AND obligation_id_visible(obligation_id)))
    WITH CHECK (TRUE);
CREATE POLICY obligation_signal_system ON obligation_signal FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);

GRANT SELECT, INSERT, UPDATE ON obligation_signal TO ${app_role};
GRANT USAGE ON SEQUENCE obligation_signal_id_seq TO ${app_role};
