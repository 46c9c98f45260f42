-- Module identity: system tokens whose roles read personal data need two people — requested by a head of the agency
-- the token acts for, issued by the security administrator — and are scoped to named API operations.

ALTER TABLE identity_token
    ADD COLUMN operations TEXT,
    ADD COLUMN request_id UUID;
COMMENT ON COLUMN identity_token.operations IS 'A scoped system token: the API operations (OpenAPI operation ids, comma-separated) it may call; null = every operation its roles allow.';
COMMENT ON COLUMN identity_token.request_id IS 'The request (identity_token_request) a two-person system token was issued on.';

CREATE TABLE identity_token_request
(
    id              UUID         NOT NULL PRIMARY KEY,
    agency_id       UUID         NOT NULL REFERENCES agency (id),
    name            VARCHAR(100) NOT NULL,
    purpose         VARCHAR(500) NOT NULL,
    roles           VARCHAR(400) NOT NULL,
    operations      TEXT         NOT NULL,
    lifetime_days   INT          NOT NULL CHECK (lifetime_days BETWEEN 1 AND 365),
    state           VARCHAR(12)  NOT NULL CHECK (state IN ('REQUESTED', 'ISSUED', 'DELIVERED', 'REFUSED', 'WITHDRAWN')),
    requested_by    UUID         NOT NULL REFERENCES identity_user (id),
    requested_at    TIMESTAMPTZ  NOT NULL,
    decided_by      UUID REFERENCES identity_user (id),
    decided_at      TIMESTAMPTZ,
    refusal_reason  VARCHAR(500),
    expires_at      TIMESTAMPTZ,
    token_id        UUID REFERENCES identity_token (id),
    delivered_at    TIMESTAMPTZ,
    created_in_demo BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INT          NOT NULL DEFAULT 0
);
CREATE INDEX identity_token_request_agency_idx ON identity_token_request (agency_id, requested_at DESC);
CREATE INDEX identity_token_request_state_idx ON identity_token_request (state, requested_at DESC);
COMMENT ON TABLE identity_token_request IS 'A head of an agency asks for a system token for that agency; the security administrator issues or refuses it; the requester collects the token once.';
COMMENT ON COLUMN identity_token_request.id IS 'Request id.';
COMMENT ON COLUMN identity_token_request.agency_id IS 'The agency the token will act for (the requester''s own).';
COMMENT ON COLUMN identity_token_request.name IS 'What the token is for (becomes the token''s name).';
COMMENT ON COLUMN identity_token_request.purpose IS 'Why the agency''s system needs it: the lawful purpose the security administrator weighs.';
COMMENT ON COLUMN identity_token_request.roles IS 'Roles the token will carry, comma-separated.';
COMMENT ON COLUMN identity_token_request.operations IS 'API operations (OpenAPI operation ids, comma-separated) the token may call.';
COMMENT ON COLUMN identity_token_request.lifetime_days IS 'How long the token lives from its issue (at most a year).';
COMMENT ON COLUMN identity_token_request.state IS 'REQUESTED, ISSUED (awaiting collection), DELIVERED (the requester has the token), REFUSED or WITHDRAWN.';
COMMENT ON COLUMN identity_token_request.requested_by IS 'The head of the agency who asked.';
COMMENT ON COLUMN identity_token_request.requested_at IS 'When.';
COMMENT ON COLUMN identity_token_request.decided_by IS 'The security administrator who issued or refused it, or the head who withdrew it.';
COMMENT ON COLUMN identity_token_request.decided_at IS 'When.';
COMMENT ON COLUMN identity_token_request.refusal_reason IS 'Why it was refused.';
COMMENT ON COLUMN identity_token_request.expires_at IS 'When the token issued on it stops working (issue time + lifetime).';
COMMENT ON COLUMN identity_token_request.token_id IS 'The token, once the requester collected it.';
COMMENT ON COLUMN identity_token_request.delivered_at IS 'When the requester collected the token (it is shown once and never stored).';
COMMENT ON COLUMN identity_token_request.created_in_demo IS 'Made while demo mode was on: withdrawn at the first start outside demo mode.';
COMMENT ON COLUMN identity_token_request.version IS 'Optimistic lock.';

GRANT SELECT, INSERT, UPDATE ON identity_token_request TO ${app_role};
