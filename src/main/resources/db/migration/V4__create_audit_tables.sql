-- Module audit: the append-only, hash-chained audit log (doc/security-requirements.md S12-S14).

CREATE TABLE audit_record
(
    id             BIGINT       NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    txid           BIGINT       NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    category       VARCHAR(20)  NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    outcome        VARCHAR(10)  NOT NULL,
    actor_kind     VARCHAR(10)  NOT NULL,
    actor_user_id  UUID,
    actor_username VARCHAR(100),
    actor_agency_id UUID,
    actor_roles    VARCHAR(400),
    client_ip      VARCHAR(64),
    correlation_id VARCHAR(64),
    target_type    VARCHAR(40),
    target_id      VARCHAR(100),
    subject_ids    TEXT[]       NOT NULL DEFAULT '{}',
    purpose        VARCHAR(200),
    details        TEXT         NOT NULL DEFAULT '{}',
    row_hash       BYTEA        NOT NULL
);
CREATE SEQUENCE audit_record_id_seq AS BIGINT OWNED BY audit_record.id;
CREATE INDEX audit_record_txid_idx ON audit_record (txid);
CREATE INDEX audit_record_time_idx ON audit_record (occurred_at DESC);
CREATE INDEX audit_record_actor_idx ON audit_record (actor_username, occurred_at DESC);
CREATE INDEX audit_record_target_idx ON audit_record (target_id);
CREATE INDEX audit_record_subjects_idx ON audit_record USING gin (subject_ids);
COMMENT ON TABLE audit_record IS 'Append-only audit log: who did or read what, when, why and with what outcome. Never updated or deleted; the application role may only insert.';
COMMENT ON COLUMN audit_record.id IS 'Record id from audit_record_id_seq (part of the keyed hash).';
COMMENT ON COLUMN audit_record.occurred_at IS 'When it happened (microseconds).';
COMMENT ON COLUMN audit_record.txid IS 'Writing transaction id: seals cover contiguous transaction-id ranges, so a record committed late is never skipped.';
COMMENT ON COLUMN audit_record.category IS 'SECURITY, ADMINISTRATION, PERSONAL_DATA, CASE_CHANGE or AUDIT.';
COMMENT ON COLUMN audit_record.action IS 'What was done, e.g. login.success, agency.update, user.view.';
COMMENT ON COLUMN audit_record.outcome IS 'SUCCESS, FAILURE or DENIED.';
COMMENT ON COLUMN audit_record.actor_kind IS 'USER, TOKEN, SYSTEM or ANONYMOUS.';
COMMENT ON COLUMN audit_record.actor_user_id IS 'The acting user (for a token, its owner).';
COMMENT ON COLUMN audit_record.actor_username IS 'Username of the actor, or the username tried at a failed login.';
COMMENT ON COLUMN audit_record.actor_agency_id IS 'The actor''s agency.';
COMMENT ON COLUMN audit_record.actor_roles IS 'The actor''s roles at the time, comma-separated.';
COMMENT ON COLUMN audit_record.client_ip IS 'Client address as seen by the application.';
COMMENT ON COLUMN audit_record.correlation_id IS 'Correlation id of the request (X-Correlation-Id).';
COMMENT ON COLUMN audit_record.target_type IS 'Kind of thing acted on (agency, user, token, case, ...).';
COMMENT ON COLUMN audit_record.target_id IS 'Id of the thing acted on.';
COMMENT ON COLUMN audit_record.subject_ids IS 'Ids of every person whose record the request showed or changed.';
COMMENT ON COLUMN audit_record.purpose IS 'Purpose: the screen or API operation.';
COMMENT ON COLUMN audit_record.details IS 'Further facts as canonical JSON (sorted keys); never secrets.';
COMMENT ON COLUMN audit_record.row_hash IS 'HMAC of the record under a key outside the database: detects any change.';

CREATE TABLE audit_seal
(
    id            BIGSERIAL   NOT NULL PRIMARY KEY,
    sealed_at     TIMESTAMPTZ NOT NULL,
    txid_from     BIGINT      NOT NULL UNIQUE,
    txid_to       BIGINT      NOT NULL,
    record_count  INT         NOT NULL,
    record_ids    BIGINT[]    NOT NULL,
    batch_hash    BYTEA       NOT NULL,
    previous_hash BYTEA,
    seal_hash     BYTEA       NOT NULL,
    CHECK (txid_to > txid_from)
);
COMMENT ON TABLE audit_seal IS 'Chain of seals over the audit log: each covers every record written by transactions in [txid_from, txid_to) and links to the previous seal.';
COMMENT ON COLUMN audit_seal.id IS 'Seal number.';
COMMENT ON COLUMN audit_seal.sealed_at IS 'When the sealer wrote it.';
COMMENT ON COLUMN audit_seal.txid_from IS 'First transaction id covered (the previous seal''s txid_to).';
COMMENT ON COLUMN audit_seal.txid_to IS 'First transaction id not covered (all earlier transactions had finished).';
COMMENT ON COLUMN audit_seal.record_count IS 'How many records the range held.';
COMMENT ON COLUMN audit_seal.record_ids IS 'Their ids, so that a missing record is named.';
COMMENT ON COLUMN audit_seal.batch_hash IS 'HMAC over the ids and row hashes of the range, in id order.';
COMMENT ON COLUMN audit_seal.previous_hash IS 'seal_hash of the previous seal (null for the first).';
COMMENT ON COLUMN audit_seal.seal_hash IS 'HMAC over previous_hash, the range, the count and batch_hash.';

-- Defence in depth: even the owner cannot update or delete by accident.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit tables are append-only';
END;
$$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The application role may read and append, nothing else.
GRANT SELECT, INSERT ON audit_record, audit_seal TO ${app_role};
GRANT USAGE ON SEQUENCE audit_record_id_seq, audit_seal_id_seq TO ${app_role};
