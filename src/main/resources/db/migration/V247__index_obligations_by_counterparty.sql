-- "Waiting for others" (ObligationRepository#waitingFor) finds the pending steps another organ owes to an agency by
-- counterparty_agency_id; without an index that half of the query reads every pending obligation of the country.
CREATE INDEX obligation_counterparty_pending_idx ON obligation (counterparty_agency_id)
    WHERE status IN ('OPEN', 'PAUSED', 'OVERDUE') AND counterparty_agency_id IS NOT NULL;
