--liquibase formatted sql

--changeset openreferral:0001-users
CREATE TABLE users (
    id              uuid         PRIMARY KEY,
    username        varchar(32)  NOT NULL,
    email           varchar(254) NOT NULL,
    email_canonical varchar(254) NOT NULL,
    name            varchar(100),
    password_hash   varchar(255) NOT NULL,
    roles           varchar(64)  NOT NULL,
    referred_by     uuid         REFERENCES users (id),
    created_at      timestamptz  NOT NULL
);
-- Uniqueness is case-insensitive; the application also stores email in lower case.
CREATE UNIQUE INDEX users_email_lower_uq ON users (lower(email));
CREATE UNIQUE INDEX users_username_lower_uq ON users (lower(username));
CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC);

--changeset openreferral:0001-referral-codes
CREATE TABLE referral_codes (
    id         uuid        PRIMARY KEY,
    code       varchar(32) NOT NULL,
    owner_id   uuid        NOT NULL REFERENCES users (id),
    status     varchar(10) NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'REVOKED')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK (expires_at > created_at),
    CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL))
);
-- A code is unique forever, whatever its case and status.
CREATE UNIQUE INDEX referral_codes_code_lower_uq ON referral_codes (lower(code));
-- The database itself refuses a second ACTIVE code per user, whatever races the application loses.
CREATE UNIQUE INDEX referral_codes_one_active_per_owner_uq ON referral_codes (owner_id) WHERE status = 'ACTIVE';
CREATE INDEX referral_codes_owner_created_idx ON referral_codes (owner_id, created_at DESC, id DESC);

--changeset openreferral:0001-referrals
CREATE TABLE referrals (
    id          uuid        PRIMARY KEY,
    referrer_id uuid        NOT NULL REFERENCES users (id),
    referee_id  uuid        NOT NULL REFERENCES users (id),
    code_id     uuid        NOT NULL REFERENCES referral_codes (id),
    created_at  timestamptz NOT NULL,
    CONSTRAINT referrals_referee_uq UNIQUE (referee_id),
    CHECK (referrer_id <> referee_id)
);
-- A referrer's pages and counts read only that referrer's rows, newest first.
CREATE INDEX referrals_referrer_created_idx ON referrals (referrer_id, created_at DESC, id DESC);
CREATE INDEX referrals_code_created_idx ON referrals (code_id, created_at DESC, id DESC);

--changeset openreferral:0001-reward-entries
CREATE TABLE reward_entries (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    points      integer     NOT NULL CHECK (points > 0),
    reason      varchar(32) NOT NULL,
    referral_id uuid        NOT NULL REFERENCES referrals (id),
    created_at  timestamptz NOT NULL,
    -- Exactly one credit per party and referral, however often a registration is retried.
    CONSTRAINT reward_entries_once_per_referral_uq UNIQUE (referral_id, user_id)
);
CREATE INDEX reward_entries_user_created_idx ON reward_entries (user_id, created_at DESC, id DESC);

--changeset openreferral:0001-reward-ledger-append-only splitStatements:false
CREATE FUNCTION reward_entries_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'reward_entries is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reward_entries_append_only
    BEFORE UPDATE OR DELETE ON reward_entries
    FOR EACH ROW EXECUTE FUNCTION reward_entries_append_only();
