-- Module statistics: read models built from the events of the other modules (doc/style.md 9), never joined with their
-- tables on a page view. Every table can be rebuilt: delete its rows and the handled events, then replay.
-- Figures are keyed by the month in which they happened (Asia/Shanghai), so a past month's report, computed from
-- rows of that month and earlier, stays the same whatever happens later.

CREATE TABLE statistics_handled_event
(
    event_id   UUID        NOT NULL PRIMARY KEY,
    handled_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE statistics_handled_event IS 'Events already counted, so that a redelivered event is counted once.';
COMMENT ON COLUMN statistics_handled_event.event_id IS 'The eventId of the handled event.';
COMMENT ON COLUMN statistics_handled_event.handled_at IS 'When it was counted.';

CREATE TABLE statistics_monthly
(
    month     DATE        NOT NULL,
    agency_id UUID        NOT NULL,
    district  VARCHAR(6)  NOT NULL,
    indicator VARCHAR(40) NOT NULL,
    dimension VARCHAR(40) NOT NULL DEFAULT '',
    value     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (month, agency_id, indicator, dimension)
);
CREATE INDEX statistics_monthly_district_idx ON statistics_monthly (indicator, district, month);
CREATE INDEX statistics_monthly_agency_idx ON statistics_monthly (agency_id, month);
COMMENT ON TABLE statistics_monthly IS 'Counts per month, agency and indicator (the aggregate behind scorecards, dashboard and monthly reports).';
COMMENT ON COLUMN statistics_monthly.month IS 'First day of the month the counted thing happened in (or fell due in, for obligations due).';
COMMENT ON COLUMN statistics_monthly.agency_id IS 'The agency the figure is about (the one owing, sending, receiving or raising).';
COMMENT ON COLUMN statistics_monthly.district IS 'The agency''s county-level division code (six digits; a city code for city-level agencies).';
COMMENT ON COLUMN statistics_monthly.indicator IS 'Key of the indicator, e.g. obligation.due, handover.rejected.';
COMMENT ON COLUMN statistics_monthly.dimension IS 'A breakdown of the indicator (problem kind, service, conflict type, step); empty for the total.';
COMMENT ON COLUMN statistics_monthly.value IS 'The count.';

CREATE TABLE statistics_case
(
    case_id          UUID        NOT NULL PRIMARY KEY,
    county_agency_id UUID        NOT NULL,
    office_id        UUID,
    district         VARCHAR(6)  NOT NULL,
    correction_type  VARCHAR(25),
    gender           VARCHAR(6),
    minor            BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at       TIMESTAMPTZ,
    received_at      TIMESTAMPTZ,
    released_at      TIMESTAMPTZ
);
CREATE INDEX statistics_case_district_idx ON statistics_case (district, received_at);
CREATE INDEX statistics_case_office_idx ON statistics_case (office_id) WHERE office_id IS NOT NULL;
COMMENT ON TABLE statistics_case IS 'One row per decided case: the facts statistics count by (no names, no personal data).';
COMMENT ON COLUMN statistics_case.case_id IS 'The case.';
COMMENT ON COLUMN statistics_case.county_agency_id IS 'The executing county agency.';
COMMENT ON COLUMN statistics_case.office_id IS 'The judicial office the case is assigned to, once assigned.';
COMMENT ON COLUMN statistics_case.district IS 'Division code of the executing county agency (six digits).';
COMMENT ON COLUMN statistics_case.correction_type IS 'Type of community correction (管制, 缓刑, 假释, 暂予监外执行).';
COMMENT ON COLUMN statistics_case.gender IS 'The subject''s sex, for the official breakdown.';
COMMENT ON COLUMN statistics_case.minor IS 'Offence committed under 18: counted, never named in drill-downs.';
COMMENT ON COLUMN statistics_case.decided_at IS 'When community correction was decided.';
COMMENT ON COLUMN statistics_case.received_at IS 'When the county agency registered (received) the subject.';
COMMENT ON COLUMN statistics_case.released_at IS 'When correction ended (termination, revocation, death); null while active.';

CREATE TABLE statistics_obligation
(
    obligation_id    UUID        NOT NULL PRIMARY KEY,
    case_id          UUID,
    step_id          VARCHAR(40) NOT NULL,
    step_zh          VARCHAR(200) NOT NULL,
    step_en          VARCHAR(200) NOT NULL,
    agency_id        UUID        NOT NULL,
    district         VARCHAR(6)  NOT NULL,
    opened_at        TIMESTAMPTZ NOT NULL,
    due_at           TIMESTAMPTZ,
    status           VARCHAR(16) NOT NULL,
    overdue_at       TIMESTAMPTZ,
    escalation_level INT         NOT NULL DEFAULT 0,
    escalated_to     UUID,
    closed_at        TIMESTAMPTZ,
    lateness_hours   INT,
    CHECK (status IN ('OPEN', 'PAUSED', 'OVERDUE', 'FULFILLED', 'FULFILLED_LATE', 'WAIVED'))
);
CREATE INDEX statistics_obligation_stuck_idx ON statistics_obligation (district, agency_id, due_at) WHERE status = 'OVERDUE';
CREATE INDEX statistics_obligation_open_idx ON statistics_obligation (agency_id, opened_at) WHERE status IN ('OPEN', 'PAUSED', 'OVERDUE');
CREATE INDEX statistics_obligation_late_idx ON statistics_obligation (agency_id, due_at) WHERE status = 'FULFILLED_LATE';
COMMENT ON TABLE statistics_obligation IS 'The ledger as statistics sees it: one row per obligation, for lateness, backlog age and the coordinator''s view of who holds what up.';
COMMENT ON COLUMN statistics_obligation.obligation_id IS 'The obligation.';
COMMENT ON COLUMN statistics_obligation.case_id IS 'Its case; null for an obligation about a matter rather than a case (a joint-meeting decision).';
COMMENT ON COLUMN statistics_obligation.step_id IS 'The procedure step owed.';
COMMENT ON COLUMN statistics_obligation.step_zh IS 'The step''s name in Chinese.';
COMMENT ON COLUMN statistics_obligation.step_en IS 'The step''s name in English.';
COMMENT ON COLUMN statistics_obligation.agency_id IS 'The owing agency.';
COMMENT ON COLUMN statistics_obligation.district IS 'The owing agency''s county-level division code.';
COMMENT ON COLUMN statistics_obligation.opened_at IS 'When it was opened.';
COMMENT ON COLUMN statistics_obligation.due_at IS 'When it is (or was) due; null for steps without a computed due time.';
COMMENT ON COLUMN statistics_obligation.status IS 'As in the ledger: OPEN, PAUSED, OVERDUE, FULFILLED, FULFILLED_LATE, WAIVED.';
COMMENT ON COLUMN statistics_obligation.overdue_at IS 'When it turned overdue.';
COMMENT ON COLUMN statistics_obligation.escalation_level IS '0 not escalated; 1 the organ one level up; 2 the coordination office.';
COMMENT ON COLUMN statistics_obligation.escalated_to IS 'The agency it was last escalated to.';
COMMENT ON COLUMN statistics_obligation.closed_at IS 'When it was fulfilled or waived.';
COMMENT ON COLUMN statistics_obligation.lateness_hours IS 'For a late fulfilment: whole hours from the due time to the fulfilment, rounded up.';

CREATE TABLE statistics_item
(
    kind           VARCHAR(20) NOT NULL,
    item_id        UUID        NOT NULL,
    case_id        UUID,
    agency_id      UUID        NOT NULL,
    counterparty_id UUID,
    district       VARCHAR(6)  NOT NULL,
    detail         VARCHAR(200),
    opened_at      TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    PRIMARY KEY (kind, item_id),
    CHECK (kind IN ('HANDOVER_REJECTED', 'REFERRAL_DECLINED', 'CONFLICT'))
);
CREATE INDEX statistics_item_open_idx ON statistics_item (district, kind, opened_at) WHERE closed_at IS NULL;
COMMENT ON TABLE statistics_item IS 'Things that hold a case up besides overdue obligations: rejected handovers awaiting a supplement, declined referrals, open conflicts.';
COMMENT ON COLUMN statistics_item.kind IS 'HANDOVER_REJECTED, REFERRAL_DECLINED or CONFLICT.';
COMMENT ON COLUMN statistics_item.item_id IS 'The handover, referral or conflict.';
COMMENT ON COLUMN statistics_item.case_id IS 'Its case, when it concerns one.';
COMMENT ON COLUMN statistics_item.agency_id IS 'The agency that must act: the sender of a rejected handover, the department that declined, the agency that raised the conflict.';
COMMENT ON COLUMN statistics_item.counterparty_id IS 'The other side: the rejecting receiver, the referring agency, the first other party.';
COMMENT ON COLUMN statistics_item.district IS 'County-level division code of agency_id.';
COMMENT ON COLUMN statistics_item.detail IS 'A short code: handover kind and problem count, service, conflict type.';
COMMENT ON COLUMN statistics_item.opened_at IS 'When it began to hold things up.';
COMMENT ON COLUMN statistics_item.closed_at IS 'When it stopped (supplemented or receipted, resolved); declined referrals stay as they are.';

GRANT SELECT, INSERT ON statistics_handled_event TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON statistics_monthly, statistics_case, statistics_obligation, statistics_item TO ${app_role};
