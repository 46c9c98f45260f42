-- Module obligation (extended for coordination): an obligation may concern a matter instead of a case — a decision of a
-- joint meeting about a topic, or a conflict about a procedure. Such rows have no case_id but a matter_kind and
-- matter_id; exactly one of the two is set.

ALTER TABLE obligation ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE obligation ADD COLUMN matter_kind VARCHAR(20);
ALTER TABLE obligation ADD COLUMN matter_id UUID;
ALTER TABLE obligation ADD CONSTRAINT obligation_case_or_matter CHECK (
    (case_id IS NOT NULL AND matter_kind IS NULL AND matter_id IS NULL)
        OR (case_id IS NULL AND matter_kind IN ('MEETING_DECISION', 'CONFLICT') AND matter_id IS NOT NULL));
CREATE UNIQUE INDEX obligation_matter_step_uq ON obligation (matter_kind, matter_id, step_id, instance) WHERE matter_id IS NOT NULL;
COMMENT ON COLUMN obligation.case_id IS 'The case (null for an obligation about a matter: see matter_kind).';
COMMENT ON COLUMN obligation.matter_kind IS 'For an obligation without a case: MEETING_DECISION (a joint-meeting decision) or CONFLICT (a raised conflict).';
COMMENT ON COLUMN obligation.matter_id IS 'The decision or conflict the obligation is about (coordination module ids).';

ALTER TABLE obligation_history ALTER COLUMN case_id DROP NOT NULL;
COMMENT ON COLUMN obligation_history.case_id IS 'Its case (null for an obligation about a matter).';

-- Row-level security (doc/security-requirements.md S9), second line behind the application's checks. A case's obligations: the case's
-- parties and the agencies owing or owed them. A matter's obligations have no case parties: the owing agency, the
-- counterparty, an agency it was escalated to, and the coordination office.
CREATE FUNCTION obligation_visible(o_case UUID, o_id UUID, o_owing UUID, o_counterparty UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS
$$
SELECT coalesce(current_setting('tongxin.scope', TRUE), '') = 'system'
    OR o_owing::text = coalesce(current_setting('tongxin.agency', TRUE), '')
    OR o_counterparty::text = coalesce(current_setting('tongxin.agency', TRUE), '')
    OR (o_case IS NOT NULL AND casefile_visible(o_case))
    OR (o_case IS NULL AND (
        EXISTS (SELECT 1 FROM agency a WHERE a.id::text = coalesce(current_setting('tongxin.agency', TRUE), '')
                                        AND a.type = 'COORDINATION_OFFICE')
        OR EXISTS (SELECT 1 FROM obligation_escalation e WHERE e.obligation_id = o_id
                      AND e.agency_id::text = coalesce(current_setting('tongxin.agency', TRUE), ''))))
$$;

ALTER TABLE obligation ENABLE ROW LEVEL SECURITY;
CREATE POLICY obligation_read ON obligation FOR SELECT TO ${app_role}
    USING (obligation_visible(case_id, id, owing_agency_id, counterparty_agency_id));
CREATE POLICY obligation_update ON obligation FOR UPDATE TO ${app_role}
    USING (obligation_visible(case_id, id, owing_agency_id, counterparty_agency_id));
CREATE POLICY obligation_insert ON obligation FOR INSERT TO ${app_role} WITH CHECK (TRUE);
