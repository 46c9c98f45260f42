-- A what-if run is executed by the instance that queued it (doc/simulation.md). That instance marks the runs it holds
-- every minute; a run whose mark is older than tongxin.simulation.orphaned-after was left by an instance that stopped
-- (a crash, a redeploy) and is failed by the sweep, instead of showing "running" for ever.
ALTER TABLE simulation_run ADD COLUMN heartbeat_at TIMESTAMPTZ;
UPDATE simulation_run SET heartbeat_at = coalesce(started_at, created_at);
COMMENT ON COLUMN simulation_run.heartbeat_at IS 'When the instance holding a queued or running run last said it still holds it.';
