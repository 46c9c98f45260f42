-- Row-level security that the application role cannot talk its way around (doc/adr/0022, doc/security-requirements.md S9).
--
-- Before: the application role's policies let every row through when the session said tongxin.scope = 'system', a
-- setting any statement of the application role can make. Now:
--   * the application role (${app_role}) sees a case's rows only through its agency (tongxin.agency) holding a lawful
--     role in the case; no setting grants more;
--   * the application's own work (jobs, listeners, start-up, commands) logs in as the owner role — the role these
--     migrations run as — and sees every row through a policy made for that role alone (TO CURRENT_USER);
--   * every table holding case data has FORCE ROW LEVEL SECURITY, so the owner is bound by the policies too;
--   * where a person's request needs a fact beyond its agency's rows, a SECURITY DEFINER function owned by the owner
--     answers that one question (see V131 and doc/development.md).
-- RowLevelSecurityIntegrationTests lists every table and fails for one that holds case data without this.

-- The agency the connection acts for, as the application sets it; null when unset (no rows).
CREATE FUNCTION tongxin_agency_id() RETURNS UUID LANGUAGE sql STABLE AS
$$
SELECT nullif(current_setting('tongxin.agency', TRUE), '')::uuid
$$;
COMMENT ON FUNCTION tongxin_agency_id() IS 'The agency of the person or token acting on this connection (tongxin.agency, set by the application for every application-role connection).';

-- Case visibility for the application role: its agency is a party of the case.
CREATE OR REPLACE FUNCTION casefile_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE AS
$$
SELECT EXISTS (SELECT 1 FROM casefile_party p WHERE p.case_id = target AND p.agency_id = tongxin_agency_id())
$$;

-- The parties of a case are seen by every party of it. Asked as the owner, so that the policy of casefile_party does
-- not call itself.
CREATE FUNCTION casefile_party_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT EXISTS (SELECT 1 FROM casefile_party p WHERE p.case_id = target AND p.agency_id = tongxin_agency_id())
$$;
REVOKE ALL ON FUNCTION casefile_party_visible(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casefile_party_visible(UUID) TO ${app_role};

-- Obligations: the case's parties, the owing and the counterparty agency; for a matter (no case) also the agencies it
-- was escalated to and the coordination offices.
CREATE OR REPLACE FUNCTION obligation_visible(o_case UUID, o_id UUID, o_owing UUID, o_counterparty UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS
$$
SELECT o_owing = tongxin_agency_id()
    OR o_counterparty = tongxin_agency_id()
    OR (o_case IS NOT NULL AND casefile_visible(o_case))
    OR (o_case IS NULL AND (
        EXISTS (SELECT 1 FROM agency a WHERE a.id = tongxin_agency_id() AND a.type = 'COORDINATION_OFFICE')
        OR EXISTS (SELECT 1 FROM obligation_escalation e WHERE e.obligation_id = o_id AND e.agency_id = tongxin_agency_id())))
$$;

CREATE FUNCTION obligation_id_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT EXISTS (SELECT 1 FROM obligation o WHERE o.id = target
                  AND obligation_visible(o.case_id, o.id, o.owing_agency_id, o.counterparty_agency_id))
$$;
REVOKE ALL ON FUNCTION obligation_id_visible(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION obligation_id_visible(UUID) TO ${app_role};

-- Joint meetings: the convenor, the attending agencies and the agencies its decisions name.
CREATE FUNCTION coordination_meeting_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT EXISTS (SELECT 1 FROM coordination_meeting m WHERE m.id = target AND (
        m.convenor_id = tongxin_agency_id()
        OR EXISTS (SELECT 1 FROM coordination_attendee a WHERE a.meeting_id = m.id AND a.agency_id = tongxin_agency_id())
        OR EXISTS (SELECT 1 FROM coordination_decision d WHERE d.meeting_id = m.id AND d.owing_agency_id = tongxin_agency_id())))
$$;
REVOKE ALL ON FUNCTION coordination_meeting_visible(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coordination_meeting_visible(UUID) TO ${app_role};

-- Conflicts: their coordination office and their parties.
CREATE FUNCTION coordination_conflict_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT EXISTS (SELECT 1 FROM coordination_conflict c WHERE c.id = target AND (
        c.office_id = tongxin_agency_id()
        OR EXISTS (SELECT 1 FROM coordination_conflict_party p WHERE p.conflict_id = c.id AND p.agency_id = tongxin_agency_id())))
$$;
REVOKE ALL ON FUNCTION coordination_conflict_visible(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coordination_conflict_visible(UUID) TO ${app_role};

-- Statistics: the districts a reader's agency may count — a city-level agency its city (the first four digits of its
-- division), a provincial one its province, any other its own county or district (StatisticsScope decides by role
-- within that).
CREATE FUNCTION statistics_district_prefix() RETURNS TEXT LANGUAGE sql STABLE AS
$$
SELECT CASE a.level WHEN 'PROVINCE' THEN substr(a.division_code, 1, 2)
                    WHEN 'CITY' THEN substr(a.division_code, 1, 4)
                    ELSE substr(a.division_code, 1, 6) END
  FROM agency a WHERE a.id = tongxin_agency_id()
$$;

-- The old policies trusted tongxin.scope; they go.
DROP POLICY casefile_case_read ON casefile_case;
DROP POLICY casefile_case_update ON casefile_case;
DROP POLICY casefile_case_insert ON casefile_case;
DROP POLICY casefile_subject_read ON casefile_subject;
DROP POLICY casefile_subject_update ON casefile_subject;
DROP POLICY casefile_subject_insert ON casefile_subject;
DROP POLICY casefile_timeline_read ON casefile_timeline;
DROP POLICY casefile_timeline_insert ON casefile_timeline;
DROP POLICY casefile_team_read ON casefile_team_member;
DROP POLICY casefile_plan_read ON casefile_plan;
DROP POLICY casefile_announcement_read ON casefile_announcement;
DROP POLICY exchange_handover_access ON exchange_handover;
DROP POLICY assistance_referral_access ON assistance_referral;
DROP POLICY assistance_note_access ON assistance_note;
DROP POLICY obligation_read ON obligation;
DROP POLICY obligation_update ON obligation;
DROP POLICY obligation_insert ON obligation;
DROP POLICY coordination_conflict_access ON coordination_conflict;
DROP POLICY coordination_meeting_access ON coordination_meeting;
DROP FUNCTION coordination_system();
DROP FUNCTION coordination_agency();

-- The application role's policies, table by table. Inserts are checked by the application (a case opened by a court
-- names other agencies' obligations and parties); reads, updates and deletes see only what the agency may see.
CREATE POLICY casefile_case_app ON casefile_case FOR ALL TO ${app_role} USING (casefile_visible(id)) WITH CHECK (TRUE);
CREATE POLICY casefile_subject_app ON casefile_subject FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM casefile_case c WHERE c.subject_id = casefile_subject.id)) WITH CHECK (TRUE);
CREATE POLICY casefile_party_app ON casefile_party FOR ALL TO ${app_role}
    USING (agency_id = tongxin_agency_id() OR casefile_party_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY casefile_timeline_app ON casefile_timeline FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY casefile_team_member_app ON casefile_team_member FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY casefile_plan_app ON casefile_plan FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY casefile_announcement_app ON casefile_announcement FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);

CREATE POLICY obligation_app ON obligation FOR ALL TO ${app_role}
    USING (obligation_visible(case_id, id, owing_agency_id, counterparty_agency_id)) WITH CHECK (TRUE);
CREATE POLICY obligation_history_app ON obligation_history FOR ALL TO ${app_role}
    USING (obligation_id_visible(obligation_id)) WITH CHECK (TRUE);
CREATE POLICY obligation_escalation_app ON obligation_escalation FOR ALL TO ${app_role}
    USING (agency_id = tongxin_agency_id() OR obligation_id_visible(obligation_id)) WITH CHECK (TRUE);

CREATE POLICY exchange_handover_app ON exchange_handover FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY exchange_copy_app ON exchange_copy FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM exchange_handover h WHERE h.id = exchange_copy.handover_id)) WITH CHECK (TRUE);
CREATE POLICY exchange_item_app ON exchange_item FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM exchange_handover h WHERE h.id = exchange_item.handover_id)) WITH CHECK (TRUE);
CREATE POLICY exchange_round_app ON exchange_round FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM exchange_handover h WHERE h.id = exchange_round.handover_id)) WITH CHECK (TRUE);
CREATE POLICY exchange_problem_app ON exchange_problem FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM exchange_handover h WHERE h.id = exchange_problem.handover_id)) WITH CHECK (TRUE);

CREATE POLICY document_file_app ON document_file FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY document_content_app ON document_content FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM document_file f WHERE f.storage_key = document_content.storage_key)) WITH CHECK (TRUE);

CREATE POLICY assistance_referral_app ON assistance_referral FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY assistance_note_app ON assistance_note FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);

CREATE POLICY coordination_meeting_app ON coordination_meeting FOR ALL TO ${app_role}
    USING (convenor_id = tongxin_agency_id() OR coordination_meeting_visible(id)) WITH CHECK (TRUE);
CREATE POLICY coordination_attendee_app ON coordination_attendee FOR ALL TO ${app_role}
    USING (coordination_meeting_visible(meeting_id)) WITH CHECK (TRUE);
CREATE POLICY coordination_agenda_item_app ON coordination_agenda_item FOR ALL TO ${app_role}
    USING (coordination_meeting_visible(meeting_id)) WITH CHECK (TRUE);
CREATE POLICY coordination_decision_app ON coordination_decision FOR ALL TO ${app_role}
    USING (owing_agency_id = tongxin_agency_id() OR coordination_meeting_visible(meeting_id)) WITH CHECK (TRUE);
CREATE POLICY coordination_conflict_app ON coordination_conflict FOR ALL TO ${app_role}
    USING (office_id = tongxin_agency_id() OR coordination_conflict_visible(id)) WITH CHECK (TRUE);
CREATE POLICY coordination_conflict_party_app ON coordination_conflict_party FOR ALL TO ${app_role}
    USING (agency_id = tongxin_agency_id() OR coordination_conflict_visible(conflict_id)) WITH CHECK (TRUE);
CREATE POLICY coordination_conflict_evidence_app ON coordination_conflict_evidence FOR ALL TO ${app_role}
    USING (coordination_conflict_visible(conflict_id)) WITH CHECK (TRUE);

CREATE POLICY statistics_case_app ON statistics_case FOR ALL TO ${app_role}
    USING (starts_with(district, statistics_district_prefix())) WITH CHECK (TRUE);
CREATE POLICY statistics_obligation_app ON statistics_obligation FOR ALL TO ${app_role}
    USING (starts_with(district, statistics_district_prefix())) WITH CHECK (TRUE);
CREATE POLICY statistics_item_app ON statistics_item FOR ALL TO ${app_role}
    USING (starts_with(district, statistics_district_prefix())) WITH CHECK (TRUE);
CREATE POLICY statistics_monthly_app ON statistics_monthly FOR ALL TO ${app_role}
    USING (starts_with(district, statistics_district_prefix())) WITH CHECK (TRUE);
CREATE POLICY statistics_case_team_app ON statistics_case_team FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM statistics_case c WHERE c.case_id = statistics_case_team.case_id)) WITH CHECK (TRUE);

-- Every case table: row-level security on, forced on the owner too, and the owner's own policy (the application's
-- system work and these migrations).
DO
$$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['casefile_case', 'casefile_subject', 'casefile_party', 'casefile_timeline', 'casefile_team_member',
        'casefile_plan', 'casefile_announcement', 'obligation', 'obligation_history', 'obligation_escalation',
        'exchange_handover', 'exchange_copy', 'exchange_item', 'exchange_round', 'exchange_problem', 'document_file',
        'document_content', 'assistance_referral', 'assistance_note', 'coordination_meeting', 'coordination_attendee',
        'coordination_agenda_item', 'coordination_decision', 'coordination_conflict', 'coordination_conflict_party',
        'coordination_conflict_evidence', 'statistics_case', 'statistics_obligation', 'statistics_item',
        'statistics_monthly', 'statistics_case_team']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE)', t || '_system', t);
    END LOOP;
END
$$;
