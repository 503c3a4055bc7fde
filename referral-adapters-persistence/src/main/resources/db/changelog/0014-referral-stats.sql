--liquibase formatted sql

--changeset openreferral:0014-referral-stats splitStatements:false
-- Stats without scanning a referrer's history (docs/adr/0016-keyset-paging-and-stats.md). Triggers keep summary rows
-- in the transaction that writes a referral or a ledger entry, whoever writes it (the adapters, a fixture, an
-- operator's SQL); every change is an atomic upsert (n = n + delta), never a read-modify-write, so concurrent
-- registrations with one code add up exactly. The triggers exist before the backfill runs, in one transaction that
-- holds referrals and reward_entries against writers, so no row is counted twice or missed.

-- Per referrer: referrals in each status (the total is their sum).
CREATE TABLE referrer_stats (
    referrer_id uuid   PRIMARY KEY,
    pending     bigint NOT NULL DEFAULT 0,
    flagged     bigint NOT NULL DEFAULT 0,
    qualified   bigint NOT NULL DEFAULT 0,
    rewarded    bigint NOT NULL DEFAULT 0,
    voided      bigint NOT NULL DEFAULT 0
);
-- Per code: referrals made with it.
CREATE TABLE referral_code_stats (
    code_id   uuid   PRIMARY KEY,
    referrals bigint NOT NULL DEFAULT 0
);
-- Per referrer and UTC day of created_at: the last 7 and 30 days sum at most 31 of these rows.
CREATE TABLE referrer_daily_stats (
    referrer_id uuid   NOT NULL,
    day         date   NOT NULL,
    referrals   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (referrer_id, day)
);
-- Per user: the sum of their ledger entries.
CREATE TABLE reward_balances (
    user_id uuid   PRIMARY KEY,
    balance bigint NOT NULL DEFAULT 0
);

-- Adds delta (1 or -1) times one referral to the summary rows of its referrer, code and day. Rows are touched in
-- one order (referrer, code, day), so two writers of one referrer queue on the referrer's row and never deadlock.
CREATE FUNCTION referral_stats_add(referrer uuid, code uuid, created timestamptz, status varchar, delta integer)
RETURNS void AS $$
BEGIN
    INSERT INTO referrer_stats AS s (referrer_id, pending, flagged, qualified, rewarded, voided)
    VALUES (referrer, delta * (status = 'PENDING')::integer, delta * (status = 'FLAGGED')::integer,
            delta * (status = 'QUALIFIED')::integer, delta * (status = 'REWARDED')::integer,
            delta * (status = 'VOIDED')::integer)
    ON CONFLICT (referrer_id) DO UPDATE
       SET pending = s.pending + excluded.pending, flagged = s.flagged + excluded.flagged,
           qualified = s.qualified + excluded.qualified, rewarded = s.rewarded + excluded.rewarded,
           voided = s.voided + excluded.voided;
    INSERT INTO referral_code_stats AS s (code_id, referrals) VALUES (code, delta)
    ON CONFLICT (code_id) DO UPDATE SET referrals = s.referrals + excluded.referrals;
    INSERT INTO referrer_daily_stats AS s (referrer_id, day, referrals)
    VALUES (referrer, (created AT TIME ZONE 'UTC')::date, delta)
    ON CONFLICT (referrer_id, day) DO UPDATE SET referrals = s.referrals + excluded.referrals;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION referrals_maintain_stats() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.referrer_id = NEW.referrer_id AND OLD.code_id = NEW.code_id
            AND OLD.created_at = NEW.created_at THEN
        -- A lifecycle step: only the status columns of the referrer's row move, in one statement.
        UPDATE referrer_stats
           SET pending = pending + (NEW.status = 'PENDING')::integer - (OLD.status = 'PENDING')::integer,
               flagged = flagged + (NEW.status = 'FLAGGED')::integer - (OLD.status = 'FLAGGED')::integer,
               qualified = qualified + (NEW.status = 'QUALIFIED')::integer - (OLD.status = 'QUALIFIED')::integer,
               rewarded = rewarded + (NEW.status = 'REWARDED')::integer - (OLD.status = 'REWARDED')::integer,
               voided = voided + (NEW.status = 'VOIDED')::integer - (OLD.status = 'VOIDED')::integer
         WHERE referrer_id = NEW.referrer_id;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM referral_stats_add(OLD.referrer_id, OLD.code_id, OLD.created_at, OLD.status, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM referral_stats_add(NEW.referrer_id, NEW.code_id, NEW.created_at, NEW.status, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION reward_entries_maintain_balance() RETURNS trigger AS $$
BEGIN
    INSERT INTO reward_balances AS b (user_id, balance) VALUES (NEW.user_id, NEW.points)
    ON CONFLICT (user_id) DO UPDATE SET balance = b.balance + excluded.balance;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Recounts every summary row from referrals and reward_entries. The backfill below, and bench/seed.sql after a bulk
-- load with triggers off; it locks both tables against writers while it counts.
CREATE FUNCTION referral_stats_rebuild() RETURNS void AS $$
BEGIN
    LOCK TABLE referrals, reward_entries IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM referrer_stats;
    DELETE FROM referral_code_stats;
    DELETE FROM referrer_daily_stats;
    DELETE FROM reward_balances;
    INSERT INTO referrer_stats (referrer_id, pending, flagged, qualified, rewarded, voided)
    SELECT referrer_id, count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'FLAGGED'),
           count(*) FILTER (WHERE status = 'QUALIFIED'), count(*) FILTER (WHERE status = 'REWARDED'),
           count(*) FILTER (WHERE status = 'VOIDED')
      FROM referrals GROUP BY referrer_id;
    INSERT INTO referral_code_stats (code_id, referrals)
    SELECT code_id, count(*) FROM referrals GROUP BY code_id;
    INSERT INTO referrer_daily_stats (referrer_id, day, referrals)
    SELECT referrer_id, (created_at AT TIME ZONE 'UTC')::date, count(*) FROM referrals GROUP BY 1, 2;
    INSERT INTO reward_balances (user_id, balance)
    SELECT user_id, sum(points) FROM reward_entries GROUP BY user_id;
END;
$$ LANGUAGE plpgsql;

LOCK TABLE referrals, reward_entries IN SHARE ROW EXCLUSIVE MODE;
CREATE TRIGGER referrals_maintain_stats
    AFTER INSERT OR DELETE ON referrals
    FOR EACH ROW EXECUTE FUNCTION referrals_maintain_stats();
-- Hibernate writes every column of a changed row: only a real change of a counted column touches the summaries.
CREATE TRIGGER referrals_maintain_stats_on_change
    AFTER UPDATE ON referrals
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.referrer_id IS DISTINCT FROM NEW.referrer_id
          OR OLD.code_id IS DISTINCT FROM NEW.code_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION referrals_maintain_stats();
CREATE TRIGGER reward_entries_maintain_balance
    AFTER INSERT ON reward_entries
    FOR EACH ROW EXECUTE FUNCTION reward_entries_maintain_balance();
SELECT referral_stats_rebuild();
