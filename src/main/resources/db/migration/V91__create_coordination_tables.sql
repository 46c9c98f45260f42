-- Module coordination: joint meetings (联席会议) with their agenda, attendees, minutes and decisions (each decision a
-- tracked obligation of the agency it names), and the conflict register of inter-agency disputes.

CREATE TABLE coordination_meeting
(
    id              UUID         NOT NULL PRIMARY KEY,
    convenor_id     UUID         NOT NULL,
    policy_region   VARCHAR(12)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    scheduled_at    TIMESTAMPTZ  NOT NULL,
    place           VARCHAR(200) NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    minutes         TEXT,
    held_at         TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    cancel_reason   VARCHAR(500),
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CHECK (status IN ('CONVENED', 'HELD', 'CLOSED', 'CANCELLED'))
);
CREATE INDEX coordination_meeting_convenor_idx ON coordination_meeting (convenor_id, scheduled_at DESC);
COMMENT ON TABLE coordination_meeting IS 'A joint meeting (联席会议) convened by a coordination office: CONVENED, HELD (minutes), CLOSED, or CANCELLED before it was held.';
COMMENT ON COLUMN coordination_meeting.id IS 'Meeting id.';
COMMENT ON COLUMN coordination_meeting.convenor_id IS 'The coordination office that convened it.';
COMMENT ON COLUMN coordination_meeting.policy_region IS 'Policy region of the convenor (deadline of its decisions).';
COMMENT ON COLUMN coordination_meeting.title IS 'Title.';
COMMENT ON COLUMN coordination_meeting.scheduled_at IS 'Date and time it is (or was) to take place.';
COMMENT ON COLUMN coordination_meeting.place IS 'Where.';
COMMENT ON COLUMN coordination_meeting.status IS 'CONVENED, HELD, CLOSED or CANCELLED.';
COMMENT ON COLUMN coordination_meeting.minutes IS 'The minutes (纪要), recorded after it was held.';
COMMENT ON COLUMN coordination_meeting.held_at IS 'When it was held.';
COMMENT ON COLUMN coordination_meeting.closed_at IS 'When it was closed (no more decisions).';
COMMENT ON COLUMN coordination_meeting.cancelled_at IS 'When it was cancelled.';
COMMENT ON COLUMN coordination_meeting.cancel_reason IS 'Why.';
COMMENT ON COLUMN coordination_meeting.created_by IS 'The coordinator who convened it.';
COMMENT ON COLUMN coordination_meeting.created_at IS 'When it was convened.';
COMMENT ON COLUMN coordination_meeting.updated_at IS 'Last change.';
COMMENT ON COLUMN coordination_meeting.version IS 'Optimistic lock.';

CREATE TABLE coordination_attendee
(
    meeting_id UUID NOT NULL REFERENCES coordination_meeting (id),
    agency_id  UUID NOT NULL,
    PRIMARY KEY (meeting_id, agency_id)
);
CREATE INDEX coordination_attendee_agency_idx ON coordination_attendee (agency_id);
COMMENT ON TABLE coordination_attendee IS 'Agencies invited to a meeting (they receive the notice and see the meeting).';
COMMENT ON COLUMN coordination_attendee.meeting_id IS 'The meeting.';
COMMENT ON COLUMN coordination_attendee.agency_id IS 'The attending agency.';

CREATE TABLE coordination_conflict
(
    id                   UUID         NOT NULL PRIMARY KEY,
    case_id              UUID,
    case_number          VARCHAR(60),
    type                 VARCHAR(20)  NOT NULL,
    state                VARCHAR(12)  NOT NULL,
    raised_by_agency_id  UUID         NOT NULL,
    raised_by_user_id    UUID         NOT NULL,
    office_id            UUID         NOT NULL,
    point                TEXT         NOT NULL,
    step_id              VARCHAR(40),
    legal_basis          VARCHAR(200),
    policy_region        VARCHAR(12)  NOT NULL,
    response             TEXT,
    responded_at         TIMESTAMPTZ,
    escalated_at         TIMESTAMPTZ,
    escalation_note      TEXT,
    meeting_id           UUID REFERENCES coordination_meeting (id),
    resolution           TEXT,
    lessons              TEXT,
    resolved_at          TIMESTAMPTZ,
    raised_at            TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              INT          NOT NULL DEFAULT 0,
    CHECK (type IN ('COMMUNICATION', 'DAILY_OPERATION', 'RESPONSIBILITY', 'CAPACITY', 'OTHER')),
    CHECK (state IN ('RAISED', 'RESPONDED', 'ESCALATED', 'RESOLVED'))
);
CREATE INDEX coordination_conflict_office_idx ON coordination_conflict (office_id, raised_at DESC);
CREATE INDEX coordination_conflict_case_idx ON coordination_conflict (case_id);
COMMENT ON TABLE coordination_conflict IS 'The conflict register: an inter-agency dispute on a case or a procedure step, its response, escalation, resolution and lessons.';
COMMENT ON COLUMN coordination_conflict.id IS 'Conflict id.';
COMMENT ON COLUMN coordination_conflict.case_id IS 'The case, when it is about one (null: about a procedure).';
COMMENT ON COLUMN coordination_conflict.case_number IS 'The case number when raised (for searching the register).';
COMMENT ON COLUMN coordination_conflict.type IS 'ConflictType: COMMUNICATION, DAILY_OPERATION, RESPONSIBILITY, CAPACITY, OTHER.';
COMMENT ON COLUMN coordination_conflict.state IS 'RAISED, RESPONDED, ESCALATED (to a joint meeting) or RESOLVED.';
COMMENT ON COLUMN coordination_conflict.raised_by_agency_id IS 'The agency that raised it.';
COMMENT ON COLUMN coordination_conflict.raised_by_user_id IS 'Who raised it.';
COMMENT ON COLUMN coordination_conflict.office_id IS 'The coordination office that owes the response and resolves it.';
COMMENT ON COLUMN coordination_conflict.point IS 'The conflict point: what is disputed.';
COMMENT ON COLUMN coordination_conflict.step_id IS 'The procedure step it is about (policy model), if any.';
COMMENT ON COLUMN coordination_conflict.legal_basis IS 'That step''s legal basis as the policy model gave it.';
COMMENT ON COLUMN coordination_conflict.policy_region IS 'Policy region of the raising agency.';
COMMENT ON COLUMN coordination_conflict.response IS 'The coordination office''s first response.';
COMMENT ON COLUMN coordination_conflict.responded_at IS 'When it responded.';
COMMENT ON COLUMN coordination_conflict.escalated_at IS 'When it was taken to a joint meeting.';
COMMENT ON COLUMN coordination_conflict.escalation_note IS 'Why it was escalated.';
COMMENT ON COLUMN coordination_conflict.meeting_id IS 'The meeting whose agenda lists it.';
COMMENT ON COLUMN coordination_conflict.resolution IS 'How it was resolved.';
COMMENT ON COLUMN coordination_conflict.lessons IS 'Lessons learned.';
COMMENT ON COLUMN coordination_conflict.resolved_at IS 'When it was resolved.';
COMMENT ON COLUMN coordination_conflict.raised_at IS 'When it was raised.';
COMMENT ON COLUMN coordination_conflict.updated_at IS 'Last change.';
COMMENT ON COLUMN coordination_conflict.version IS 'Optimistic lock.';

CREATE TABLE coordination_conflict_party
(
    conflict_id UUID NOT NULL REFERENCES coordination_conflict (id),
    agency_id   UUID NOT NULL,
    PRIMARY KEY (conflict_id, agency_id)
);
CREATE INDEX coordination_conflict_party_agency_idx ON coordination_conflict_party (agency_id);
COMMENT ON TABLE coordination_conflict_party IS 'The agencies in a conflict (the raising agency among them); they and the coordination office see it.';
COMMENT ON COLUMN coordination_conflict_party.conflict_id IS 'The conflict.';
COMMENT ON COLUMN coordination_conflict_party.agency_id IS 'A party.';

CREATE TABLE coordination_conflict_evidence
(
    conflict_id UUID        NOT NULL REFERENCES coordination_conflict (id),
    kind        VARCHAR(12) NOT NULL,
    ref_id      UUID        NOT NULL,
    PRIMARY KEY (conflict_id, kind, ref_id),
    CHECK (kind IN ('HANDOVER', 'OBLIGATION'))
);
COMMENT ON TABLE coordination_conflict_evidence IS 'Records a conflict points to: handovers and obligations of the case.';
COMMENT ON COLUMN coordination_conflict_evidence.conflict_id IS 'The conflict.';
COMMENT ON COLUMN coordination_conflict_evidence.kind IS 'HANDOVER or OBLIGATION.';
COMMENT ON COLUMN coordination_conflict_evidence.ref_id IS 'The handover or obligation id.';

CREATE TABLE coordination_agenda_item
(
    meeting_id  UUID         NOT NULL REFERENCES coordination_meeting (id),
    position    INT          NOT NULL,
    kind        VARCHAR(12)  NOT NULL,
    topic       VARCHAR(500),
    case_id     UUID,
    conflict_id UUID REFERENCES coordination_conflict (id),
    decision_id UUID,
    PRIMARY KEY (meeting_id, position),
    CHECK (kind IN ('TOPIC', 'CASE', 'CONFLICT', 'REVIEW'))
);
COMMENT ON TABLE coordination_agenda_item IS 'A meeting''s agenda: topics, cases, conflicts from the register, and (REVIEW) earlier decisions listed for review when it was convened.';
COMMENT ON COLUMN coordination_agenda_item.meeting_id IS 'The meeting.';
COMMENT ON COLUMN coordination_agenda_item.position IS 'Order on the agenda (1, 2, ...).';
COMMENT ON COLUMN coordination_agenda_item.kind IS 'TOPIC, CASE, CONFLICT or REVIEW.';
COMMENT ON COLUMN coordination_agenda_item.topic IS 'The topic, or a note on the case.';
COMMENT ON COLUMN coordination_agenda_item.case_id IS 'The case (CASE).';
COMMENT ON COLUMN coordination_agenda_item.conflict_id IS 'The conflict (CONFLICT).';
COMMENT ON COLUMN coordination_agenda_item.decision_id IS 'The earlier decision to review (REVIEW).';

CREATE TABLE coordination_decision
(
    id              UUID         NOT NULL PRIMARY KEY,
    meeting_id      UUID         NOT NULL REFERENCES coordination_meeting (id),
    position        INT          NOT NULL,
    text            TEXT         NOT NULL,
    owing_agency_id UUID         NOT NULL,
    case_id         UUID,
    due_date        DATE         NOT NULL,
    tracked         BOOLEAN      NOT NULL,
    status          VARCHAR(8)   NOT NULL,
    done_at         TIMESTAMPTZ,
    done_by         UUID,
    done_note       TEXT,
    late            BOOLEAN,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, position),
    CHECK (status IN ('OPEN', 'DONE'))
);
CREATE INDEX coordination_decision_owing_idx ON coordination_decision (owing_agency_id, status);
COMMENT ON TABLE coordination_decision IS 'A decision of a joint meeting: what the named agency must do by when; an obligation (meeting.decision) in its inbox where the policy defines the step.';
COMMENT ON COLUMN coordination_decision.id IS 'Decision id (the matter id of its obligation when it names no case).';
COMMENT ON COLUMN coordination_decision.meeting_id IS 'The meeting that decided it.';
COMMENT ON COLUMN coordination_decision.position IS 'Number within the meeting''s decisions.';
COMMENT ON COLUMN coordination_decision.text IS 'What was decided.';
COMMENT ON COLUMN coordination_decision.owing_agency_id IS 'The agency named to carry it out.';
COMMENT ON COLUMN coordination_decision.case_id IS 'The case it concerns, if any.';
COMMENT ON COLUMN coordination_decision.due_date IS 'By when (the meeting''s date, or the policy default).';
COMMENT ON COLUMN coordination_decision.tracked IS 'An obligation was opened (the region''s policy defines meeting.decision).';
COMMENT ON COLUMN coordination_decision.status IS 'OPEN or DONE.';
COMMENT ON COLUMN coordination_decision.done_at IS 'When the agency reported it done.';
COMMENT ON COLUMN coordination_decision.done_by IS 'Who reported it.';
COMMENT ON COLUMN coordination_decision.done_note IS 'What was done.';
COMMENT ON COLUMN coordination_decision.late IS 'Reported after its due date.';
COMMENT ON COLUMN coordination_decision.created_at IS 'When it was recorded.';
COMMENT ON COLUMN coordination_decision.version IS 'Optimistic lock.';

-- Row-level security (doc/security-requirements.md S9), behind the application's own checks: a conflict is seen by its parties and its
-- coordination office; a meeting by its convenor, its attendees and the agencies its decisions name.
CREATE FUNCTION coordination_agency() RETURNS TEXT LANGUAGE sql STABLE AS
$$
SELECT coalesce(current_setting('tongxin.agency', TRUE), '')
$$;
CREATE FUNCTION coordination_system() RETURNS BOOLEAN LANGUAGE sql STABLE AS
$$
SELECT coalesce(current_setting('tongxin.scope', TRUE), '') = 'system'
$$;

ALTER TABLE coordination_conflict ENABLE ROW LEVEL SECURITY;
CREATE POLICY coordination_conflict_access ON coordination_conflict FOR ALL TO ${app_role}
    USING (coordination_system() OR office_id::text = coordination_agency()
        OR EXISTS (SELECT 1 FROM coordination_conflict_party p WHERE p.conflict_id = coordination_conflict.id AND p.agency_id::text = coordination_agency()))
    WITH CHECK (TRUE);

ALTER TABLE coordination_meeting ENABLE ROW LEVEL SECURITY;
CREATE POLICY coordination_meeting_access ON coordination_meeting FOR ALL TO ${app_role}
    USING (coordination_system() OR convenor_id::text = coordination_agency()
        OR EXISTS (SELECT 1 FROM coordination_attendee a WHERE a.meeting_id = coordination_meeting.id AND a.agency_id::text = coordination_agency())
        OR EXISTS (SELECT 1 FROM coordination_decision d WHERE d.meeting_id = coordination_meeting.id AND d.owing_agency_id::text = coordination_agency()))
    WITH CHECK (TRUE);

GRANT SELECT, INSERT, UPDATE ON coordination_meeting, coordination_conflict, coordination_decision TO ${app_role};
GRANT SELECT, INSERT, DELETE ON coordination_attendee, coordination_agenda_item, coordination_conflict_party,
    coordination_conflict_evidence TO ${app_role};
