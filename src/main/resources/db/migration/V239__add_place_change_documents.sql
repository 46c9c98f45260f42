-- The documents of a change of the place of execution (IM art. 30): the consultation letter (征求意见函) the county
-- agency sends the new place's agency, and the decision notice (变更执行地决定通知书) to the subject with copies to the
-- organs, which also travels in the file's handover and the new agency's forwarding
-- (doc/adr/0044-the-minors-steps-the-original-sentence-and-the-move-documents.md). Stored documents of module document;
-- who opens them is the case's one document rule. Changes made before have none.
ALTER TABLE supervision_place_change ADD COLUMN consultation_document_id UUID;
ALTER TABLE supervision_place_change ADD COLUMN decision_document_id UUID;
COMMENT ON COLUMN supervision_place_change.consultation_document_id IS 'The consultation letter (征求意见函) sent with the consultation; null before V239.';
COMMENT ON COLUMN supervision_place_change.decision_document_id IS 'The decision notice (变更执行地决定通知书) issued with the decision; null before V239.';
