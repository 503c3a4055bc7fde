--liquibase formatted sql

--changeset openreferral:0002-refresh-tokens
-- Opaque refresh tokens, stored only as the SHA-256 digest of their secret. A session (family) is the chain
-- of tokens one password login starts; each use rotates the token (ACTIVE -> ROTATED, successor ACTIVE).
CREATE TABLE refresh_tokens (
    id          uuid        PRIMARY KEY,
    session_id  uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  varchar(64) NOT NULL,
    status      varchar(10) NOT NULL CHECK (status IN ('ACTIVE', 'ROTATED', 'REVOKED')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    CHECK (expires_at > created_at),
    CHECK (status = 'REVOKED' OR ((status = 'ROTATED') = (rotated_at IS NOT NULL))),
    CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL))
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON refresh_tokens (token_hash);
-- A session has at most one usable token, whatever races the application loses.
CREATE UNIQUE INDEX refresh_tokens_one_active_per_session_uq ON refresh_tokens (session_id) WHERE status = 'ACTIVE';
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE status <> 'REVOKED';

--changeset openreferral:0002-password-reset-tokens
-- Single-use password reset tokens, stored only as the SHA-256 digest of their secret.
CREATE TABLE password_reset_tokens (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CHECK (expires_at > created_at)
);
CREATE UNIQUE INDEX password_reset_tokens_hash_uq ON password_reset_tokens (token_hash);
CREATE INDEX password_reset_tokens_user_unused_idx ON password_reset_tokens (user_id) WHERE used_at IS NULL;
