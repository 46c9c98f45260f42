-- Module policy (doc/adr/0042-periodic-assessment-and-commutation.md): the national baseline's number of reports missed
-- or returns from leave overdue that make a breach of the reporting rules serious enough for a warning (IM art. 35
-- "情节较重", a number the model sets: confidence P), as a row of its versions still in draft so an editor sees it.
-- Published versions never change: without the row they resolve to the built-in value (PolicySettings), 3.
INSERT INTO policy_setting (version_id, setting_key, value)
SELECT v.id, 'missedReportsForWarning', 3
  FROM policy_version v
  JOIN policy_model m ON m.id = v.model_id
 WHERE m.region = 'CN' AND v.status = 'DRAFT'
ON CONFLICT (version_id, setting_key) DO NOTHING;
