--liquibase formatted sql

--changeset openreferral:0010-revoked-sessions
-- The revoked sessions are the source of truth of the access-token deny-list (docs/adr/0004-account-security.md,
-- "Revocation fails open"): when Redis cannot answer, or lost its content, the sessions revoked within the
-- longest access-token lifetime are read back by revocation time and pushed to Redis again.
CREATE INDEX refresh_tokens_revoked_at_idx ON refresh_tokens (revoked_at) WHERE status = 'REVOKED';
