-- Module policy (doc/adr/0035-graduated-responses.md): the national baseline's graduated-response thresholds
-- (PolicySetting group SANCTION, IM arts. 35, 46) as rows of its versions still in draft, so a coordinator editing the
-- baseline sees and edits them like its other settings. Published versions never change (policy_setting_immutable):
-- without these rows they resolve to the same built-in values (PolicySettings), so no case is judged differently.
INSERT INTO policy_setting (version_id, setting_key, value)
SELECT v.id, s.setting_key, s.value
  FROM policy_version v
  JOIN policy_model m ON m.id = v.model_id
 CROSS JOIN (VALUES ('reprimandsBeforeWarning', 2), ('outOfContactDaysForWarning', 10), ('warningsBeforeRevocation', 2),
                    ('outOfContactDaysForRevocation', 30)) AS s (setting_key, value)
 WHERE m.region = 'CN' AND v.status = 'DRAFT'
ON CONFLICT (version_id, setting_key) DO NOTHING;
