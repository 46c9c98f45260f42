-- Lawful queries of sealed records (CPL art. 286; CCL art. 54; doc/security-requirements.md S10): a minor's sealed case is read by nobody
-- except under a time-boxed grant that a party of the case requested with its legal basis and the head of the county
-- community correction agency approved. The application checks the expiry against its clock on every read; the
-- row-level-security function (V201) admits an approved, not yet expired-marked grant of the reader's agency.
CREATE TABLE casefile_sealed_query
(
    id                  UUID PRIMARY KEY,
    case_id             UUID        NOT NULL REFERENCES casefile_case (id),
    county_agency_id    UUID        NOT NULL REFERENCES agency (id),
    requester_agency_id UUID        NOT NULL REFERENCES agency (id),
    requester_user_id   UUID        NOT NULL REFERENCES identity_user (id),
    basis               VARCHAR(24) NOT NULL CHECK (basis IN ('JUDICIAL_NEED', 'LAWFUL_QUERY')),
    reason_enc          BYTEA       NOT NULL,
    days                INTEGER     NOT NULL CHECK (days BETWEEN 1 AND 30),
    status              VARCHAR(16) NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED', 'EXPIRED')),
    requested_at        TIMESTAMPTZ NOT NULL,
    decided_by          UUID REFERENCES identity_user (id),
    decided_at          TIMESTAMPTZ,
    expires_at          TIMESTAMPTZ,
    version             INTEGER     NOT NULL DEFAULT 0
);
COMMENT ON TABLE casefile_sealed_query IS 'Lawful-query grants for sealed minors'' cases (CPL art. 286): requested by a party, approved by the county agency head, time-boxed.';
COMMENT ON COLUMN casefile_sealed_query.id IS 'The request''s id.';
COMMENT ON COLUMN casefile_sealed_query.case_id IS 'The sealed case asked for.';
COMMENT ON COLUMN casefile_sealed_query.county_agency_id IS 'The county community correction agency whose head decides (the case''s executing agency when asked).';
COMMENT ON COLUMN casefile_sealed_query.requester_agency_id IS 'The agency of the person asking; a grant opens the case to this person only (application) and to this agency (row-level security).';
COMMENT ON COLUMN casefile_sealed_query.requester_user_id IS 'The person asking.';
COMMENT ON COLUMN casefile_sealed_query.basis IS 'Legal basis: JUDICIAL_NEED (司法机关为办案需要) or LAWFUL_QUERY (有关单位根据国家规定进行查询).';
COMMENT ON COLUMN casefile_sealed_query.reason_enc IS 'What the query is for, in words (encrypted, context casefile_sealed_query.reason).';
COMMENT ON COLUMN casefile_sealed_query.days IS 'How many days the grant runs once approved (1–30).';
COMMENT ON COLUMN casefile_sealed_query.status IS 'REQUESTED, APPROVED, REFUSED or EXPIRED.';
COMMENT ON COLUMN casefile_sealed_query.requested_at IS 'When it was asked.';
COMMENT ON COLUMN casefile_sealed_query.decided_by IS 'The county agency head who approved or refused it.';
COMMENT ON COLUMN casefile_sealed_query.decided_at IS 'When it was approved or refused.';
COMMENT ON COLUMN casefile_sealed_query.expires_at IS 'When an approved grant ends.';
COMMENT ON COLUMN casefile_sealed_query.version IS 'Optimistic lock.';
CREATE INDEX casefile_sealed_query_case_idx ON casefile_sealed_query (case_id, requester_agency_id, status);
CREATE INDEX casefile_sealed_query_county_idx ON casefile_sealed_query (county_agency_id, status);

GRANT SELECT, INSERT, UPDATE ON casefile_sealed_query TO ${app_role};
ALTER TABLE casefile_sealed_query ENABLE ROW LEVEL SECURITY;
ALTER TABLE casefile_sealed_query FORCE ROW LEVEL SECURITY;
-- A request is seen by the agency that asked and the county agency that decides, not through the case (which it cannot see).
CREATE POLICY casefile_sealed_query_app ON casefile_sealed_query FOR ALL TO ${app_role}
    USING (requester_agency_id = tongxin_agency_id() OR county_agency_id = tongxin_agency_id()) WITH CHECK (TRUE);
CREATE POLICY casefile_sealed_query_system ON casefile_sealed_query FOR ALL TO CURRENT_USER USING (TRUE) WITH CHECK (TRUE);
