-- Module identity: staff accounts, roles, login protection, second factor, API tokens.

CREATE TABLE identity_user
(
    id                   UUID         NOT NULL PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL UNIQUE,
    display_name         VARCHAR(100) NOT NULL,
    agency_id            UUID         NOT NULL REFERENCES agency (id),
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    password_hash        VARCHAR(255) NOT NULL,
    password_changed_at  TIMESTAMPTZ  NOT NULL,
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    totp_secret          BYTEA,
    totp_enrolled_at     TIMESTAMPTZ,
    totp_last_step       BIGINT       NOT NULL DEFAULT 0,
    mfa_exempt           BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_attempts      INT          NOT NULL DEFAULT 0,
    first_failed_at      TIMESTAMPTZ,
    locked_until         TIMESTAMPTZ,
    preferred_language   VARCHAR(8),
    security_stamp       INT          NOT NULL DEFAULT 0,
    last_login_at        TIMESTAMPTZ,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              INT          NOT NULL DEFAULT 0,
    CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$')
);
CREATE INDEX identity_user_agency_idx ON identity_user (agency_id);
COMMENT ON TABLE identity_user IS 'Staff accounts. Each belongs to one agency; roles are in identity_user_role.';
COMMENT ON COLUMN identity_user.id IS 'User id.';
COMMENT ON COLUMN identity_user.username IS 'Login name (lower case).';
COMMENT ON COLUMN identity_user.display_name IS 'Name shown to colleagues.';
COMMENT ON COLUMN identity_user.agency_id IS 'The agency the person works for.';
COMMENT ON COLUMN identity_user.status IS 'ACTIVE or DISABLED (disabled accounts are refused at their next request).';
COMMENT ON COLUMN identity_user.password_hash IS 'argon2id hash (PHC string with its parameters).';
COMMENT ON COLUMN identity_user.password_changed_at IS 'When the password was last set.';
COMMENT ON COLUMN identity_user.must_change_password IS 'True after an administrator set a one-time password: the user must choose a new one at login.';
COMMENT ON COLUMN identity_user.totp_secret IS 'TOTP secret (RFC 6238), encrypted with the data key.';
COMMENT ON COLUMN identity_user.totp_enrolled_at IS 'When the second factor was enrolled; null = not enrolled.';
COMMENT ON COLUMN identity_user.totp_last_step IS 'Last accepted TOTP time step: a code is accepted once.';
COMMENT ON COLUMN identity_user.mfa_exempt IS 'Demo accounts only: may log in without TOTP while demo mode is on (never admins).';
COMMENT ON COLUMN identity_user.failed_attempts IS 'Failed logins in the current 15-minute window.';
COMMENT ON COLUMN identity_user.first_failed_at IS 'Start of the current failure window.';
COMMENT ON COLUMN identity_user.locked_until IS 'Locked (after 5 failures) until this time; unlocks by itself.';
COMMENT ON COLUMN identity_user.preferred_language IS 'zh-CN or en, remembered across devices.';
COMMENT ON COLUMN identity_user.security_stamp IS 'Changes on password, role or status changes: sessions with an older stamp end.';
COMMENT ON COLUMN identity_user.last_login_at IS 'Last successful login.';
COMMENT ON COLUMN identity_user.created_at IS 'Creation time.';
COMMENT ON COLUMN identity_user.updated_at IS 'Last change.';
COMMENT ON COLUMN identity_user.version IS 'Optimistic lock for administrators'' edits.';

CREATE TABLE identity_user_role
(
    user_id    UUID        NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    role       VARCHAR(32) NOT NULL,
    granted_by UUID,
    granted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, role)
);
CREATE INDEX identity_user_role_role_idx ON identity_user_role (role);
COMMENT ON TABLE identity_user_role IS 'Roles held by each user (granted by security administrators).';
COMMENT ON COLUMN identity_user_role.user_id IS 'The user.';
COMMENT ON COLUMN identity_user_role.role IS 'Role name (Role enum).';
COMMENT ON COLUMN identity_user_role.granted_by IS 'Who granted it (null for the bootstrap and demo).';
COMMENT ON COLUMN identity_user_role.granted_at IS 'When.';

CREATE TABLE identity_token
(
    id           UUID         NOT NULL PRIMARY KEY,
    kind         VARCHAR(10)  NOT NULL CHECK (kind IN ('PERSONAL', 'SYSTEM')),
    name         VARCHAR(100) NOT NULL,
    token_hash   BYTEA        NOT NULL UNIQUE,
    prefix       VARCHAR(16)  NOT NULL,
    user_id      UUID REFERENCES identity_user (id),
    agency_id    UUID REFERENCES agency (id),
    roles        VARCHAR(400),
    created_by   UUID         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   UUID,
    CHECK ((kind = 'PERSONAL' AND user_id IS NOT NULL) OR (kind = 'SYSTEM' AND agency_id IS NOT NULL AND roles IS NOT NULL))
);
CREATE INDEX identity_token_user_idx ON identity_token (user_id);
COMMENT ON TABLE identity_token IS 'API bearer tokens: personal tokens act as their user; system tokens act for one agency with named roles. Only a hash is kept.';
COMMENT ON COLUMN identity_token.id IS 'Token id.';
COMMENT ON COLUMN identity_token.kind IS 'PERSONAL or SYSTEM.';
COMMENT ON COLUMN identity_token.name IS 'What the token is for.';
COMMENT ON COLUMN identity_token.token_hash IS 'SHA-256 of the token (the token itself is shown once and never stored).';
COMMENT ON COLUMN identity_token.prefix IS 'First characters of the token, to recognise it in lists.';
COMMENT ON COLUMN identity_token.user_id IS 'Owner of a personal token.';
COMMENT ON COLUMN identity_token.agency_id IS 'Agency a system token acts for.';
COMMENT ON COLUMN identity_token.roles IS 'Roles of a system token, comma-separated.';
COMMENT ON COLUMN identity_token.created_by IS 'Who created it.';
COMMENT ON COLUMN identity_token.created_at IS 'When.';
COMMENT ON COLUMN identity_token.expires_at IS 'It stops working at this time.';
COMMENT ON COLUMN identity_token.last_used_at IS 'Last use (updated at most once a minute).';
COMMENT ON COLUMN identity_token.revoked_at IS 'Revoked at this time; null while valid.';
COMMENT ON COLUMN identity_token.revoked_by IS 'Who revoked it.';

GRANT SELECT, INSERT, UPDATE ON identity_user, identity_token TO ${app_role};
GRANT SELECT, INSERT, DELETE ON identity_user_role TO ${app_role};
