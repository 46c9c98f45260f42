-- Row-level security for what two branches built side by side (doc/adr/0022, 0025, 0026): V130 forced row-level
-- security on every case table and replaced the application role's policies, V120 and V121 (written at the same time)
-- let a referral's two agencies read its record after the referral ended and added the subject's statements and
-- proposed changes. This joins them: V120's rule in V130's terms, and V130's treatment for V121's tables.

-- A referral's record and notes: the parties of the case, and the referral's two agencies (also after it ended).
DROP POLICY assistance_referral_app ON assistance_referral;
CREATE POLICY assistance_referral_app ON assistance_referral FOR ALL TO ${app_role}
    USING (casefile_visible(case_id) OR from_agency_id = tongxin_agency_id() OR to_agency_id = tongxin_agency_id())
    WITH CHECK (TRUE);
DROP POLICY assistance_note_app ON assistance_note;
CREATE POLICY assistance_note_app ON assistance_note FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)
        OR EXISTS (SELECT 1 FROM assistance_referral r
                    WHERE r.id = assistance_note.referral_id
                      AND (r.from_agency_id = tongxin_agency_id() OR r.to_agency_id = tongxin_agency_id())))
    WITH CHECK (TRUE);

-- A case's own statement of its subject belongs to its case.
DROP POLICY casefile_subject_statement_access ON casefile_subject_statement;
CREATE POLICY casefile_subject_statement_app ON casefile_subject_statement FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);

-- A proposed change of a person's record is seen by the parties of the person's other cases (who decide it).
DROP POLICY casefile_subject_change_access ON casefile_subject_change;
CREATE POLICY casefile_subject_change_app ON casefile_subject_change FOR ALL TO ${app_role}
    USING (EXISTS (SELECT 1 FROM casefile_case c
                    WHERE c.subject_id = casefile_subject_change.subject_id AND c.id <> casefile_subject_change.source_case_id
                      AND casefile_visible(c.id)))
    WITH CHECK (TRUE);

DO
$$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['casefile_subject_statement', 'casefile_subject_change']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE)', t || '_system', t);
    END LOOP;
END
$$;

-- Module casefile: the person's other cases, by id only (a proposed change names them all; each reader is then checked
-- per case by the application and by the policies above).
CREATE FUNCTION casefile_other_cases_of(person UUID, except_case UUID) RETURNS SETOF UUID LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public, pg_temp AS
$$
SELECT id FROM casefile_case WHERE subject_id = person AND id <> except_case ORDER BY created_at, id
$$;
COMMENT ON FUNCTION casefile_other_cases_of(UUID, UUID) IS 'The ids of a person''s cases other than one (a proposed change of the person''s record is decided by their executing agencies).';
REVOKE ALL ON FUNCTION casefile_other_cases_of(UUID, UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casefile_other_cases_of(UUID, UUID) TO ${app_role};
