--liquibase formatted sql

--changeset openreferral:0004-users-email-verified
-- Whether the owner of the address has confirmed it; existing accounts have not.
ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

--changeset openreferral:0004-email-verification-tokens
-- Single-use email verification tokens, stored only as the SHA-256 digest of their secret; `issue` says whether
-- registration or the user's request for a new link issued it (the latter are counted for the per-hour limit).
CREATE TABLE email_verification_tokens (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  varchar(64) NOT NULL,
    issue       varchar(12) NOT NULL CHECK (issue IN ('REGISTRATION', 'RESEND')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CHECK (expires_at > created_at)
);
CREATE UNIQUE INDEX email_verification_tokens_hash_uq ON email_verification_tokens (token_hash);
CREATE INDEX email_verification_tokens_user_created_idx ON email_verification_tokens (user_id, created_at);
