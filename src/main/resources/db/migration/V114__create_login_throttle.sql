-- Module identity: guessing is throttled with growing delays per (account, source), per source and per account,
-- instead of locking the account after five failures (which let anyone lock the administrators out); browsers
-- where an account logged in completely are known and pass the per-source and per-account delays; repeated
-- anonymous failures are counted here and written to the audit log as one record per burst.

ALTER TABLE identity_user DROP COLUMN failed_attempts, DROP COLUMN first_failed_at;
COMMENT ON COLUMN identity_user.locked_until IS 'Locked by the security administrator until this time (far future: until unlocked); sessions and tokens stop with it. Failed logins never lock an account.';

CREATE TABLE identity_throttle
(
    scope           VARCHAR(8)   NOT NULL CHECK (scope IN ('PAIR', 'SOURCE', 'ACCOUNT', 'TOKEN')),
    key             VARCHAR(200) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    blocked_until   TIMESTAMPTZ,
    PRIMARY KEY (scope, key)
);
CREATE INDEX identity_throttle_last_failure_idx ON identity_throttle (last_failure_at);
COMMENT ON TABLE identity_throttle IS 'Failure counters with growing delays (OWASP ASVS 4.0.3 2.2.1); forgotten a while after the last failure.';
COMMENT ON COLUMN identity_throttle.scope IS 'PAIR (account and source or known browser), SOURCE (client address, any account), ACCOUNT (any source) or TOKEN (client address presenting bad bearer tokens).';
COMMENT ON COLUMN identity_throttle.key IS 'The account name as typed and/or the client address.';
COMMENT ON COLUMN identity_throttle.failures IS 'Failures counted (attempts refused during a delay are not counted).';
COMMENT ON COLUMN identity_throttle.last_failure_at IS 'The last counted failure.';
COMMENT ON COLUMN identity_throttle.blocked_until IS 'Attempts under this key are refused, unchecked, until then.';

CREATE TABLE identity_known_device
(
    user_id       UUID        NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    device_hash   BYTEA       NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);
COMMENT ON TABLE identity_known_device IS 'Browsers in which an account completed a login (password and second factor): their device cookie passes the per-source and per-account delays.';
COMMENT ON COLUMN identity_known_device.user_id IS 'The account.';
COMMENT ON COLUMN identity_known_device.device_hash IS 'SHA-256 of the device cookie (the cookie itself is never stored).';
COMMENT ON COLUMN identity_known_device.first_seen_at IS 'First complete login with it.';
COMMENT ON COLUMN identity_known_device.last_seen_at IS 'Last complete login with it (forgotten after 180 days).';

CREATE TABLE identity_failure_tally
(
    action             VARCHAR(64)  NOT NULL,
    source             VARCHAR(64)  NOT NULL,
    subject            VARCHAR(100) NOT NULL,
    reason             VARCHAR(32)  NOT NULL,
    opened_at          TIMESTAMPTZ  NOT NULL,
    unaudited          INT          NOT NULL,
    first_unaudited_at TIMESTAMPTZ,
    last_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (action, source, subject, reason)
);
COMMENT ON TABLE identity_failure_tally IS 'Anonymous failures (bad passwords, bad bearer tokens) being counted: the first is audited at once, the rest as one counted audit record per burst.';
COMMENT ON COLUMN identity_failure_tally.action IS 'The audit action (login.failure, token.rejected).';
COMMENT ON COLUMN identity_failure_tally.source IS 'Client address.';
COMMENT ON COLUMN identity_failure_tally.subject IS 'The account name as typed; empty for tokens and for attempts refused during a delay.';
COMMENT ON COLUMN identity_failure_tally.reason IS 'Why it failed (unknown-user, wrong-password, throttled, unknown, expired, ...).';
COMMENT ON COLUMN identity_failure_tally.opened_at IS 'The failure that opened the burst (audited at once).';
COMMENT ON COLUMN identity_failure_tally.unaudited IS 'Failures since then not yet in the audit log.';
COMMENT ON COLUMN identity_failure_tally.first_unaudited_at IS 'The first of those.';
COMMENT ON COLUMN identity_failure_tally.last_at IS 'The latest failure.';

GRANT SELECT, INSERT, UPDATE, DELETE ON identity_throttle, identity_known_device, identity_failure_tally TO ${app_role};
