-- Module identity: what was created while the application ran in demo mode, so that leaving demo mode can close
-- every demo door (accounts with the published password, the published TOTP secret, tokens), by a mark set when
-- the row was made and never by a name (the first administrators of a real install have the demo's names).

ALTER TABLE identity_user
    ADD COLUMN created_in_demo BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_published  BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE identity_token
    ADD COLUMN created_in_demo BOOLEAN NOT NULL DEFAULT FALSE;

COMMENT ON COLUMN identity_user.created_in_demo IS 'Created while demo mode was on: disabled at the first start outside demo mode.';
COMMENT ON COLUMN identity_user.totp_published IS 'The second factor is a secret published with the demo (README): cleared at the first start outside demo mode.';
COMMENT ON COLUMN identity_token.created_in_demo IS 'Created while demo mode was on: revoked at the first start outside demo mode.';

-- A database made before these marks existed: only demo mode ever creates accounts that may skip the second factor
-- (mfa_exempt), so a database holding one was a demo database, and everything in it so far was made in demo mode.
UPDATE identity_user SET created_in_demo = TRUE WHERE EXISTS (SELECT 1 FROM identity_user WHERE mfa_exempt);
UPDATE identity_user u SET totp_published = TRUE
 WHERE u.created_in_demo AND u.totp_secret IS NOT NULL
   AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'));
UPDATE identity_token SET created_in_demo = TRUE WHERE EXISTS (SELECT 1 FROM identity_user WHERE mfa_exempt);
