-- Issue 9, item 6: a department's lawful role in a case (ASSISTING) follows its referral's state. While a referral is
-- open the department sees the case as its task needs; once the referral is declined, withdrawn or completed the role is
-- taken back (Referrals.endAssistance), and the department keeps only its own record of the referral.

-- Roles left over from referrals that ended before this version.
DELETE FROM casefile_party p
 WHERE p.participation = 'ASSISTING'
   AND NOT EXISTS (SELECT 1 FROM assistance_referral r
                    WHERE r.case_id = p.case_id AND r.to_agency_id = p.agency_id
                      AND r.status IN ('DELIVERED', 'ACCEPTED', 'WAITING', 'IN_PROGRESS'));

-- The two agencies of a referral read its record (and its notes) without a lawful role in the case, so that an ended
-- referral stays in its department's list; what they see of it is cut by the application (Referrals.view).
DROP POLICY assistance_referral_access ON assistance_referral;
CREATE POLICY assistance_referral_access ON assistance_referral FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)
        OR from_agency_id::text = coalesce(current_setting('tongxin.agency', TRUE), '')
        OR to_agency_id::text = coalesce(current_setting('tongxin.agency', TRUE), ''))
    WITH CHECK (TRUE);

DROP POLICY assistance_note_access ON assistance_note;
CREATE POLICY assistance_note_access ON assistance_note FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)
        OR EXISTS (SELECT 1 FROM assistance_referral r
                    WHERE r.id = assistance_note.referral_id
                      AND (r.from_agency_id::text = coalesce(current_setting('tongxin.agency', TRUE), '')
                        OR r.to_agency_id::text = coalesce(current_setting('tongxin.agency', TRUE), ''))))
    WITH CHECK (TRUE);
