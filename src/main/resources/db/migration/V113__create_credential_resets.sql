-- Module identity: resets of credentials (password, second factor). An administrator's are requested by one
-- administrator and approved by one of another administrator role; every executed reset is shown to its target at
-- the next login.

CREATE TABLE identity_credential_reset
(
    id                 UUID         NOT NULL PRIMARY KEY,
    target_user_id     UUID         NOT NULL REFERENCES identity_user (id),
    kind               VARCHAR(16)  NOT NULL CHECK (kind IN ('PASSWORD', 'SECOND_FACTOR', 'BOTH')),
    reason             VARCHAR(500),
    state              VARCHAR(12)  NOT NULL CHECK (state IN ('REQUESTED', 'DONE', 'REFUSED', 'WITHDRAWN')),
    requested_by       UUID         NOT NULL REFERENCES identity_user (id),
    requested_role     VARCHAR(32)  NOT NULL,
    requested_at       TIMESTAMPTZ  NOT NULL,
    decided_by         UUID REFERENCES identity_user (id),
    decided_role       VARCHAR(32),
    decided_at         TIMESTAMPTZ,
    refusal_reason     VARCHAR(500),
    shown_to_target_at TIMESTAMPTZ,
    version            INT          NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX identity_credential_reset_open_idx ON identity_credential_reset (target_user_id) WHERE state = 'REQUESTED';
CREATE INDEX identity_credential_reset_target_idx ON identity_credential_reset (target_user_id, requested_at DESC);
CREATE INDEX identity_credential_reset_state_idx ON identity_credential_reset (state, requested_at DESC);
COMMENT ON TABLE identity_credential_reset IS 'Resets of a person''s password or second factor: two-person for administrators, recorded for everyone, shown to the person at the next login.';
COMMENT ON COLUMN identity_credential_reset.id IS 'Reset id.';
COMMENT ON COLUMN identity_credential_reset.target_user_id IS 'Whose credentials.';
COMMENT ON COLUMN identity_credential_reset.kind IS 'PASSWORD (a one-time password), SECOND_FACTOR (enrol again) or BOTH.';
COMMENT ON COLUMN identity_credential_reset.reason IS 'Why (required for administrators'' resets).';
COMMENT ON COLUMN identity_credential_reset.state IS 'REQUESTED (awaiting a second administrator), DONE, REFUSED or WITHDRAWN.';
COMMENT ON COLUMN identity_credential_reset.requested_by IS 'Who asked (for a staff reset: who did it).';
COMMENT ON COLUMN identity_credential_reset.requested_role IS 'The requester''s administrator role at the time.';
COMMENT ON COLUMN identity_credential_reset.requested_at IS 'When.';
COMMENT ON COLUMN identity_credential_reset.decided_by IS 'Who approved (and so carried out), refused or withdrew it.';
COMMENT ON COLUMN identity_credential_reset.decided_role IS 'The decider''s administrator role at the time.';
COMMENT ON COLUMN identity_credential_reset.decided_at IS 'When.';
COMMENT ON COLUMN identity_credential_reset.refusal_reason IS 'Why it was refused.';
COMMENT ON COLUMN identity_credential_reset.shown_to_target_at IS 'When the person was shown the reset after logging in.';
COMMENT ON COLUMN identity_credential_reset.version IS 'Optimistic lock.';

GRANT SELECT, INSERT, UPDATE ON identity_credential_reset TO ${app_role};
