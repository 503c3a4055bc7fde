--liquibase formatted sql

--changeset openreferral:0012-login-throttles
-- Lockout state of the password grant (docs/adr/0004-account-security.md, "Lockout redesign"), apart from the
-- rate-limit counters and never evicted. One row per bucket: an account seen from one client network, an account as a
-- whole, or one trusted device. Names are stored as SHA-256 (hex) only, so no login or address is kept; account_hash
-- groups the buckets of one account, so a password reset lifts them all. A row past expires_at counts as empty and is
-- deleted by PurgeLoginThrottlesJob in bounded batches.
CREATE TABLE login_throttles (
    bucket_hash      varchar(64)  PRIMARY KEY,
    account_hash     varchar(64)  NOT NULL,
    failures         integer      NOT NULL CHECK (failures >= 0),
    window_ends_at   timestamptz  NOT NULL,
    lockouts         integer      NOT NULL CHECK (lockouts >= 0),
    locked_until     timestamptz,
    expires_at       timestamptz  NOT NULL
);
CREATE INDEX login_throttles_account_idx ON login_throttles (account_hash);
CREATE INDEX login_throttles_expires_idx ON login_throttles (expires_at);
