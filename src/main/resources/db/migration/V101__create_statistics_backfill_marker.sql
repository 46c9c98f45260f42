-- The one-time backfill of the statistics read models from the history the other modules kept before statistics
-- existed (doc/adr/0014). One row: who claimed it and when it finished, so that it runs once, on one instance.

CREATE TABLE statistics_backfill
(
    id           INT         NOT NULL PRIMARY KEY CHECK (id = 1),
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    events       BIGINT
);
COMMENT ON TABLE statistics_backfill IS 'Marks the one-time backfill of the statistics read models from earlier history.';
COMMENT ON COLUMN statistics_backfill.id IS 'Always 1: there is one backfill.';
COMMENT ON COLUMN statistics_backfill.started_at IS 'When an instance claimed it.';
COMMENT ON COLUMN statistics_backfill.completed_at IS 'When it finished (in the same transaction as the counts it made).';
COMMENT ON COLUMN statistics_backfill.events IS 'How many past events it replayed.';

GRANT SELECT, INSERT, UPDATE ON statistics_backfill TO ${app_role};
