-- Module casefile: subjects (sensitive fields encrypted), cases with their status machine, the agencies with a lawful
-- role in each case, and the append-only case timeline. Row-level security hides cases from agencies without a
-- lawful role (doc/security-requirements.md S9), as a second line behind the application's own checks.

CREATE TABLE casefile_subject
(
    id                  UUID         NOT NULL PRIMARY KEY,
    name                VARCHAR(50)  NOT NULL,
    gender              VARCHAR(6)   NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    ethnicity           VARCHAR(2)   NOT NULL,
    id_type             VARCHAR(20)  NOT NULL,
    id_number_enc       BYTEA        NOT NULL,
    id_number_hash      BYTEA        NOT NULL UNIQUE,
    birth_date          DATE         NOT NULL,
    phone_enc           BYTEA,
    phone_hash          BYTEA,
    residence_division  VARCHAR(12)  NOT NULL,
    residence_address_enc BYTEA,
    guardian_name       VARCHAR(50),
    guardian_relation   VARCHAR(20),
    guardian_phone_enc  BYTEA,
    health_enc          BYTEA,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             INT          NOT NULL DEFAULT 0
);
CREATE INDEX casefile_subject_name_idx ON casefile_subject (name);
CREATE INDEX casefile_subject_phone_hash_idx ON casefile_subject (phone_hash);
COMMENT ON TABLE casefile_subject IS 'A person under (or assessed for) community correction. Identity number, phones, address and health are encrypted with the data key.';
COMMENT ON COLUMN casefile_subject.id IS 'Subject id.';
COMMENT ON COLUMN casefile_subject.name IS 'Name (masked in lists for minors).';
COMMENT ON COLUMN casefile_subject.gender IS 'MALE or FEMALE.';
COMMENT ON COLUMN casefile_subject.ethnicity IS 'Ethnic group, GB/T 3304 code.';
COMMENT ON COLUMN casefile_subject.id_type IS 'RESIDENT_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT or HMT_RESIDENCE_PERMIT.';
COMMENT ON COLUMN casefile_subject.id_number_enc IS 'Identity document number, encrypted (AES-GCM or SM4-GCM).';
COMMENT ON COLUMN casefile_subject.id_number_hash IS 'Keyed hash of the normalised number, for exact-match search and uniqueness.';
COMMENT ON COLUMN casefile_subject.birth_date IS 'Date of birth.';
COMMENT ON COLUMN casefile_subject.phone_enc IS 'Mobile phone, encrypted.';
COMMENT ON COLUMN casefile_subject.phone_hash IS 'Keyed hash of the phone, for exact-match search.';
COMMENT ON COLUMN casefile_subject.residence_division IS 'Division of residence (GB/T 2260 or township code).';
COMMENT ON COLUMN casefile_subject.residence_address_enc IS 'Street address, encrypted.';
COMMENT ON COLUMN casefile_subject.guardian_name IS 'Guardian (minors).';
COMMENT ON COLUMN casefile_subject.guardian_relation IS 'Guardian''s relation to the subject.';
COMMENT ON COLUMN casefile_subject.guardian_phone_enc IS 'Guardian''s phone, encrypted.';
COMMENT ON COLUMN casefile_subject.health_enc IS 'Health information, encrypted.';
COMMENT ON COLUMN casefile_subject.created_at IS 'Creation time.';
COMMENT ON COLUMN casefile_subject.updated_at IS 'Last change.';
COMMENT ON COLUMN casefile_subject.version IS 'Optimistic lock.';

CREATE TABLE casefile_case
(
    id                   UUID        NOT NULL PRIMARY KEY,
    subject_id           UUID        NOT NULL REFERENCES casefile_subject (id),
    status               VARCHAR(20) NOT NULL,
    correction_type      VARCHAR(25),
    decision_organ_id    UUID        NOT NULL,
    case_number          VARCHAR(60),
    judgment_date        DATE,
    effective_date       DATE,
    offence_category     VARCHAR(30),
    offence_details_enc  BYTEA,
    offence_date         DATE,
    minor_at_offence     BOOLEAN     NOT NULL DEFAULT FALSE,
    term_start           DATE,
    term_end             DATE,
    in_custody           BOOLEAN     NOT NULL DEFAULT FALSE,
    expedited            BOOLEAN     NOT NULL DEFAULT FALSE,
    county_agency_id     UUID        NOT NULL,
    judicial_office_id   UUID,
    procuratorate_id     UUID,
    police_id            UUID,
    handover_institution_id UUID,
    policy_region        VARCHAR(12) NOT NULL,
    documents_state      VARCHAR(12) NOT NULL DEFAULT 'AWAITED',
    arrival_state        VARCHAR(12) NOT NULL DEFAULT 'AWAITED',
    arrived_at           TIMESTAMPTZ,
    registered_at        TIMESTAMPTZ,
    team_formed_at       TIMESTAMPTZ,
    plan_made_at         TIMESTAMPTZ,
    announced_at         TIMESTAMPTZ,
    created_by           UUID,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              INT         NOT NULL DEFAULT 0,
    UNIQUE (decision_organ_id, case_number, subject_id)
);
CREATE INDEX casefile_case_subject_idx ON casefile_case (subject_id);
CREATE INDEX casefile_case_county_status_idx ON casefile_case (county_agency_id, status);
CREATE INDEX casefile_case_office_idx ON casefile_case (judicial_office_id) WHERE judicial_office_id IS NOT NULL;
CREATE INDEX casefile_case_number_idx ON casefile_case (case_number);
COMMENT ON TABLE casefile_case IS 'One subject under one correction decision (or an assessment before it). Status: ASSESSING → INTAKE → UNDER_CORRECTION → TERMINATED / REVOKED / IN_CUSTODY / DECEASED, or WITHDRAWN.';
COMMENT ON COLUMN casefile_case.id IS 'Case id.';
COMMENT ON COLUMN casefile_case.subject_id IS 'The subject.';
COMMENT ON COLUMN casefile_case.status IS 'Status of the case''s state machine.';
COMMENT ON COLUMN casefile_case.correction_type IS 'PUBLIC_SURVEILLANCE 管制, PROBATION 缓刑, PAROLE 假释 or TEMPORARY_EXECUTION 暂予监外执行 (null while assessing).';
COMMENT ON COLUMN casefile_case.decision_organ_id IS 'The deciding (or entrusting) organ.';
COMMENT ON COLUMN casefile_case.case_number IS 'Case number (案号) of the decision.';
COMMENT ON COLUMN casefile_case.judgment_date IS 'Date of the judgment, ruling or decision.';
COMMENT ON COLUMN casefile_case.effective_date IS 'Date it took effect (periods of docs.notify, docs.deliver and report.self run from it).';
COMMENT ON COLUMN casefile_case.offence_category IS 'Offence category (for statistics).';
COMMENT ON COLUMN casefile_case.offence_details_enc IS 'Offence details, encrypted.';
COMMENT ON COLUMN casefile_case.offence_date IS 'Date of the offence (decides minor_at_offence).';
COMMENT ON COLUMN casefile_case.minor_at_offence IS 'Under 18 at the offence: identity confidential (CCL art. 54), record sealed after termination where the law says.';
COMMENT ON COLUMN casefile_case.term_start IS 'First day of correction.';
COMMENT ON COLUMN casefile_case.term_end IS 'Last day of correction.';
COMMENT ON COLUMN casefile_case.in_custody IS 'The person is in custody (calendar-day periods are then never extended over holidays).';
COMMENT ON COLUMN casefile_case.expedited IS 'Expedited (速裁) case: shorter assessment period.';
COMMENT ON COLUMN casefile_case.county_agency_id IS 'Executing county community correction agency (or the entrusted assessing agency).';
COMMENT ON COLUMN casefile_case.judicial_office_id IS 'Judicial office the case is assigned to.';
COMMENT ON COLUMN casefile_case.procuratorate_id IS 'Procuratorate of the place of execution (receives copies).';
COMMENT ON COLUMN casefile_case.police_id IS 'Public security organ of the place of execution (receives copies).';
COMMENT ON COLUMN casefile_case.handover_institution_id IS 'Prison or detention centre handing the subject over (temporary execution).';
COMMENT ON COLUMN casefile_case.policy_region IS 'Region whose policy model applies (from the place of execution).';
COMMENT ON COLUMN casefile_case.documents_state IS 'Legal documents: AWAITED, DELIVERED, REJECTED or RECEIPTED.';
COMMENT ON COLUMN casefile_case.arrival_state IS 'The subject: AWAITED, REPORTED (reported in) or TRANSFERRED (handed over), or MISSING.';
COMMENT ON COLUMN casefile_case.arrived_at IS 'When the subject reported in or was handed over.';
COMMENT ON COLUMN casefile_case.registered_at IS 'When the county agency registered the subject (入矫登记).';
COMMENT ON COLUMN casefile_case.team_formed_at IS 'When the correction team was formed.';
COMMENT ON COLUMN casefile_case.plan_made_at IS 'When the correction plan was made.';
COMMENT ON COLUMN casefile_case.announced_at IS 'When the entry announcement (入矫宣告) was held.';
COMMENT ON COLUMN casefile_case.created_by IS 'Who opened the case.';
COMMENT ON COLUMN casefile_case.created_at IS 'When the case was opened.';
COMMENT ON COLUMN casefile_case.updated_at IS 'Last change.';
COMMENT ON COLUMN casefile_case.version IS 'Optimistic lock: a stale edit gets 409.';

CREATE TABLE casefile_party
(
    case_id       UUID        NOT NULL REFERENCES casefile_case (id),
    agency_id     UUID        NOT NULL,
    participation VARCHAR(25) NOT NULL,
    since         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, agency_id, participation)
);
CREATE INDEX casefile_party_agency_idx ON casefile_party (agency_id, case_id);
COMMENT ON TABLE casefile_party IS 'Agencies with a lawful role in a case (doc/security-requirements.md S7); only they may know the case exists.';
COMMENT ON COLUMN casefile_party.case_id IS 'The case.';
COMMENT ON COLUMN casefile_party.agency_id IS 'The agency.';
COMMENT ON COLUMN casefile_party.participation IS 'EXECUTING_AGENCY, ASSIGNED_OFFICE, DECISION_ORGAN, COPIED_PROCURATORATE, COPIED_POLICE, HANDOVER_INSTITUTION, ESCALATION, COORDINATION or ASSISTING.';
COMMENT ON COLUMN casefile_party.since IS 'Since when.';

CREATE TABLE casefile_timeline
(
    id              BIGSERIAL   NOT NULL PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES casefile_case (id),
    occurred_at     TIMESTAMPTZ NOT NULL,
    kind            VARCHAR(60) NOT NULL,
    args            TEXT        NOT NULL DEFAULT '{}',
    actor_user_id   UUID,
    actor_name      VARCHAR(100),
    actor_agency_id UUID,
    audience        TEXT[]      NOT NULL,
    source_event    VARCHAR(100),
    UNIQUE (case_id, source_event)
);
CREATE INDEX casefile_timeline_case_idx ON casefile_timeline (case_id, occurred_at);
COMMENT ON TABLE casefile_timeline IS 'Append-only case timeline: events from every module (who, agency, what, when), shown to each party as far as its participation allows.';
COMMENT ON COLUMN casefile_timeline.id IS 'Entry id.';
COMMENT ON COLUMN casefile_timeline.case_id IS 'The case.';
COMMENT ON COLUMN casefile_timeline.occurred_at IS 'When it happened.';
COMMENT ON COLUMN casefile_timeline.kind IS 'What happened (message key timeline.<kind>).';
COMMENT ON COLUMN casefile_timeline.args IS 'Arguments of the message as JSON (no protected fields).';
COMMENT ON COLUMN casefile_timeline.actor_user_id IS 'Who did it (null for the system).';
COMMENT ON COLUMN casefile_timeline.actor_name IS 'Their name at the time.';
COMMENT ON COLUMN casefile_timeline.actor_agency_id IS 'Their agency.';
COMMENT ON COLUMN casefile_timeline.audience IS 'Participations that may see the entry.';
COMMENT ON COLUMN casefile_timeline.source_event IS 'Id of the event that wrote it: a redelivered event writes nothing twice.';

CREATE FUNCTION casefile_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the case timeline is append-only';
END;
$$;
CREATE TRIGGER casefile_timeline_append_only BEFORE UPDATE OR DELETE ON casefile_timeline
    FOR EACH ROW EXECUTE FUNCTION casefile_refuse_change();

-- Row-level security: the application sets tongxin.scope ('system' for jobs and listeners, 'user' for requests) and
-- tongxin.agency (the caller's agency) on every connection it takes from the pool.
CREATE FUNCTION casefile_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE AS
$$
SELECT coalesce(current_setting('tongxin.scope', TRUE), '') = 'system'
    OR EXISTS (SELECT 1 FROM casefile_party p
                WHERE p.case_id = target AND p.agency_id::text = coalesce(current_setting('tongxin.agency', TRUE), ''))
$$;

ALTER TABLE casefile_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_case_read ON casefile_case FOR SELECT TO ${app_role} USING (casefile_visible(id));
CREATE POLICY casefile_case_update ON casefile_case FOR UPDATE TO ${app_role} USING (casefile_visible(id));
CREATE POLICY casefile_case_insert ON casefile_case FOR INSERT TO ${app_role} WITH CHECK (TRUE);

ALTER TABLE casefile_subject ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_subject_read ON casefile_subject FOR SELECT TO ${app_role}
    USING (coalesce(current_setting('tongxin.scope', TRUE), '') = 'system'
        OR EXISTS (SELECT 1 FROM casefile_case c WHERE c.subject_id = casefile_subject.id));
CREATE POLICY casefile_subject_update ON casefile_subject FOR UPDATE TO ${app_role}
    USING (coalesce(current_setting('tongxin.scope', TRUE), '') = 'system'
        OR EXISTS (SELECT 1 FROM casefile_case c WHERE c.subject_id = casefile_subject.id));
CREATE POLICY casefile_subject_insert ON casefile_subject FOR INSERT TO ${app_role} WITH CHECK (TRUE);

ALTER TABLE casefile_timeline ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_timeline_read ON casefile_timeline FOR SELECT TO ${app_role} USING (casefile_visible(case_id));
CREATE POLICY casefile_timeline_insert ON casefile_timeline FOR INSERT TO ${app_role} WITH CHECK (TRUE);

GRANT SELECT, INSERT, UPDATE ON casefile_subject, casefile_case TO ${app_role};
GRANT SELECT, INSERT, DELETE ON casefile_party TO ${app_role};
GRANT SELECT, INSERT ON casefile_timeline TO ${app_role};
GRANT USAGE ON SEQUENCE casefile_timeline_id_seq TO ${app_role};

-- Intake records of the case: correction team, plan, entry announcement.
CREATE TABLE casefile_team_member
(
    case_id    UUID         NOT NULL REFERENCES casefile_case (id),
    position   INT          NOT NULL,
    name       VARCHAR(50)  NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    gender     VARCHAR(6)   NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    agency_id  UUID,
    PRIMARY KEY (case_id, position)
);
COMMENT ON TABLE casefile_team_member IS 'Members of a case''s correction team (矫正小组, CCL art. 25).';
COMMENT ON COLUMN casefile_team_member.case_id IS 'The case.';
COMMENT ON COLUMN casefile_team_member.position IS 'Order in the team list.';
COMMENT ON COLUMN casefile_team_member.name IS 'Member''s name.';
COMMENT ON COLUMN casefile_team_member.role IS 'OFFICE_STAFF, COMMITTEE, GUARDIAN, FAMILY, EMPLOYER_OR_SCHOOL, SOCIAL_WORKER, VOLUNTEER or POLICE_OFFICER.';
COMMENT ON COLUMN casefile_team_member.gender IS 'MALE or FEMALE (a female subject''s team must include a woman).';
COMMENT ON COLUMN casefile_team_member.agency_id IS 'The member''s agency, where one.';

CREATE TABLE casefile_plan
(
    case_id     UUID        NOT NULL REFERENCES casefile_case (id),
    number      INT         NOT NULL,
    content_enc BYTEA       NOT NULL,
    made_at     TIMESTAMPTZ NOT NULL,
    made_by     UUID,
    PRIMARY KEY (case_id, number)
);
COMMENT ON TABLE casefile_plan IS 'Versions of a case''s individual correction plan (CCL art. 24); the content may hold health details and is encrypted.';
COMMENT ON COLUMN casefile_plan.case_id IS 'The case.';
COMMENT ON COLUMN casefile_plan.number IS 'Plan version, from 1.';
COMMENT ON COLUMN casefile_plan.content_enc IS 'The plan, encrypted.';
COMMENT ON COLUMN casefile_plan.made_at IS 'When it was made.';
COMMENT ON COLUMN casefile_plan.made_by IS 'Who made it.';

CREATE TABLE casefile_announcement
(
    case_id        UUID         NOT NULL PRIMARY KEY REFERENCES casefile_case (id),
    held_at        TIMESTAMPTZ  NOT NULL,
    place          VARCHAR(200) NOT NULL,
    host_agency_id UUID         NOT NULL,
    attendees      VARCHAR(500) NOT NULL,
    document_id    UUID
);
COMMENT ON TABLE casefile_announcement IS 'The entry announcement (入矫宣告, CCL art. 22, IM art. 19).';
COMMENT ON COLUMN casefile_announcement.case_id IS 'The case.';
COMMENT ON COLUMN casefile_announcement.held_at IS 'When it was held.';
COMMENT ON COLUMN casefile_announcement.place IS 'Where.';
COMMENT ON COLUMN casefile_announcement.host_agency_id IS 'The county agency or the entrusted judicial office that held it.';
COMMENT ON COLUMN casefile_announcement.attendees IS 'Who attended (team members, guardian).';
COMMENT ON COLUMN casefile_announcement.document_id IS 'The announcement document (PDF).';

ALTER TABLE casefile_team_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_team_read ON casefile_team_member FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
ALTER TABLE casefile_plan ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_plan_read ON casefile_plan FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);
ALTER TABLE casefile_announcement ENABLE ROW LEVEL SECURITY;
CREATE POLICY casefile_announcement_read ON casefile_announcement FOR ALL TO ${app_role} USING (casefile_visible(case_id)) WITH CHECK (TRUE);

GRANT SELECT, INSERT, DELETE ON casefile_team_member TO ${app_role};
GRANT SELECT, INSERT ON casefile_plan, casefile_announcement TO ${app_role};
