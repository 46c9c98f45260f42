-- Module supervision: electronic monitoring (电子定位, CCL art. 29): each period proposed by the county agency and
-- approved by the head of the county judicial bureau, at most 3 months; the positions received in an approved period.

CREATE TABLE supervision_monitoring_period
(
    id                UUID         NOT NULL PRIMARY KEY,
    case_id           UUID         NOT NULL REFERENCES casefile_case (id),
    state             VARCHAR(10)  NOT NULL,
    ground            VARCHAR(40)  NOT NULL,
    reason_enc        BYTEA        NOT NULL,
    device_id         VARCHAR(64)  NOT NULL,
    months            SMALLINT     NOT NULL CHECK (months BETWEEN 1 AND 3),
    renews_id         UUID REFERENCES supervision_monitoring_period (id),
    county_agency_id  UUID         NOT NULL,
    bureau_id         UUID         NOT NULL,
    proposed_at       TIMESTAMPTZ  NOT NULL,
    proposed_by       UUID,
    decided_at        TIMESTAMPTZ,
    decided_by        UUID,
    refusal_enc       BYTEA,
    starts_at         TIMESTAMPTZ,
    ends_at           TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    end_reason_enc    BYTEA,
    version           INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX supervision_monitoring_period_case_idx ON supervision_monitoring_period (case_id, proposed_at);
CREATE INDEX supervision_monitoring_period_device_idx ON supervision_monitoring_period (device_id);
COMMENT ON TABLE supervision_monitoring_period IS 'Electronic monitoring periods (电子定位, CCL art. 29): proposal, approval by the county judicial bureau''s head, end or renewal.';
COMMENT ON COLUMN supervision_monitoring_period.id IS 'Period id (the instance key of em.approve and em.renew_end).';
COMMENT ON COLUMN supervision_monitoring_period.case_id IS 'The case.';
COMMENT ON COLUMN supervision_monitoring_period.state IS 'PROPOSED, APPROVED, REFUSED, ENDED (ended before its end) or RENEWED (followed by an approved renewal).';
COMMENT ON COLUMN supervision_monitoring_period.ground IS 'The ground of CCL art. 29: PROHIBITION_ORDER_BREACH, LEFT_AREA_WITHOUT_APPROVAL, WARNED_FOR_NOT_REPORTING, PUBLIC_SECURITY_PENALTY or REVOCATION_PROPOSAL_PREPARED.';
COMMENT ON COLUMN supervision_monitoring_period.reason_enc IS 'The facts of the ground in words, encrypted.';
COMMENT ON COLUMN supervision_monitoring_period.device_id IS 'The location device''s identifier, as the monitoring system sends it.';
COMMENT ON COLUMN supervision_monitoring_period.months IS 'The period asked and approved, 1 to 3 months.';
COMMENT ON COLUMN supervision_monitoring_period.renews_id IS 'The period this one renews (null for a first period).';
COMMENT ON COLUMN supervision_monitoring_period.county_agency_id IS 'The county agency that proposed it.';
COMMENT ON COLUMN supervision_monitoring_period.bureau_id IS 'The county judicial bureau whose head decides.';
COMMENT ON COLUMN supervision_monitoring_period.proposed_at IS 'When it was proposed.';
COMMENT ON COLUMN supervision_monitoring_period.proposed_by IS 'Who proposed it.';
COMMENT ON COLUMN supervision_monitoring_period.decided_at IS 'When the bureau''s head approved or refused it.';
COMMENT ON COLUMN supervision_monitoring_period.decided_by IS 'The bureau''s head who decided.';
COMMENT ON COLUMN supervision_monitoring_period.refusal_enc IS 'Why it was refused, encrypted.';
COMMENT ON COLUMN supervision_monitoring_period.starts_at IS 'Start of the approved period (inclusive).';
COMMENT ON COLUMN supervision_monitoring_period.ends_at IS 'End of the approved period (exclusive): start plus the months approved.';
COMMENT ON COLUMN supervision_monitoring_period.ended_at IS 'When the county agency ended it before its end.';
COMMENT ON COLUMN supervision_monitoring_period.end_reason_enc IS 'Why it was ended, encrypted.';
COMMENT ON COLUMN supervision_monitoring_period.version IS 'Optimistic lock.';

ALTER TABLE supervision_monitoring_period ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_monitoring_period FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_monitoring_period_app ON supervision_monitoring_period FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_monitoring_period_system ON supervision_monitoring_period FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT, UPDATE ON supervision_monitoring_period TO ${app_role};

CREATE TABLE supervision_monitoring_position
(
    id           UUID          NOT NULL PRIMARY KEY,
    case_id      UUID          NOT NULL REFERENCES casefile_case (id),
    period_id    UUID          NOT NULL REFERENCES supervision_monitoring_period (id),
    recorded_at  TIMESTAMPTZ   NOT NULL,
    location_enc BYTEA         NOT NULL,
    accuracy_m   NUMERIC(9, 1) NOT NULL,
    source       VARCHAR(10)   NOT NULL,
    received_at  TIMESTAMPTZ   NOT NULL,
    UNIQUE (case_id, recorded_at)
);
CREATE INDEX supervision_monitoring_position_period_idx ON supervision_monitoring_position (period_id, recorded_at);
COMMENT ON TABLE supervision_monitoring_position IS 'Positions of a monitored subject, only inside an approved period (CCL art. 34); only the executing agency reads them.';
COMMENT ON COLUMN supervision_monitoring_position.id IS 'Position id.';
COMMENT ON COLUMN supervision_monitoring_position.case_id IS 'The case.';
COMMENT ON COLUMN supervision_monitoring_position.period_id IS 'The approved period it falls in.';
COMMENT ON COLUMN supervision_monitoring_position.recorded_at IS 'When the device took the position.';
COMMENT ON COLUMN supervision_monitoring_position.location_enc IS 'Latitude and longitude (WGS-84 degrees), encrypted.';
COMMENT ON COLUMN supervision_monitoring_position.accuracy_m IS 'The accuracy the device reported, in metres.';
COMMENT ON COLUMN supervision_monitoring_position.source IS 'API (the monitoring system''s token) or IMPORT (a CSV uploaded by the county agency).';
COMMENT ON COLUMN supervision_monitoring_position.received_at IS 'When Tongxin stored it.';

ALTER TABLE supervision_monitoring_position ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_monitoring_position FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_monitoring_position_app ON supervision_monitoring_position FOR ALL TO ${app_role}
    USING (casefile_visible(case_id)) WITH CHECK (TRUE);
CREATE POLICY supervision_monitoring_position_system ON supervision_monitoring_position FOR ALL TO CURRENT_USER
    USING (TRUE) WITH CHECK (TRUE);
GRANT SELECT, INSERT ON supervision_monitoring_position TO ${app_role};
