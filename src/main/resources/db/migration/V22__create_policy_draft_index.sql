-- Module policy: at most one open draft per model, even when two coordinators start one at the same moment.
CREATE UNIQUE INDEX policy_version_one_draft_idx ON policy_version (model_id) WHERE status = 'DRAFT';
COMMENT ON INDEX policy_version_one_draft_idx IS 'One open draft per model: a coordinator finishes or discards it before another starts.';
