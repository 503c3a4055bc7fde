-- Bulk seed for bench/run.sh, run with psql against a database whose schema Liquibase has just created:
--   psql -v n=10000 -v heavy=2 -v heavy_refs=5000 -v hash="'$argon2id$...'" -f bench/seed.sql
--
-- Regular population (n users), in groups of six: user 6g+1 is a referrer, users 6g+2..6g+6 registered with
-- the referrer's code, so ~n/6 referrers with 5 referrals each and ~5n/6 referees.
--   * 90% of the referrers (g % 10 <> 9) hold an ACTIVE code (created 90 days ago, expires in 270 days); their
--     referees registered within the last 60 days.
--   * 10% (g % 10 = 9) hold only an EXPIRED code (lived from 400 to 40 days ago): lookup answers 404 for them.
-- Heavy cohort (the same at every scale, so that a deep page costs the same everywhere): `heavy` referrers with
-- `heavy_refs` referrals each, all within the last 60 days, with an ACTIVE code.
-- Every referral is REWARDED at its registration (the lifecycle of changeset 0003, as REFERRAL_QUALIFY_ON=registration
-- leaves it) with the referrer's 10 points and its referee's mailbox.
-- Every referral credits its referrer 10 points (the default referrer-points; referee-points default to 0, so
-- referees get no ledger row). Every user has the same password hash (:hash).
--
-- Ids are deterministic UUIDs: the first group tells the cohort (0 regular, 1 heavy referrer, 2 heavy referee),
-- the fourth group the table (8 users, 9 codes, a referrals, b reward entries), the last group the index.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
-- Foreign keys are satisfied by construction; skipping their per-row triggers makes the load several times faster.
SET session_replication_role = replica;

BEGIN;

CREATE TEMP TABLE bench_clock AS SELECT date_trunc('second', now()) AS t0;

-- Regular users
INSERT INTO users (id, username, email, email_canonical, name, password_hash, roles, referred_by, created_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       'user' || i,
       'user' || i || '@bench.example.com',
       'user' || i || '@bench.example.com',
       NULL,
       :hash,
       'user',
       CASE WHEN (i - 1) % 6 = 0 THEN NULL
            ELSE ('00000000-0000-4000-8000-' || lpad(to_hex(((i - 1) / 6) * 6 + 1), 12, '0'))::uuid END,
       CASE WHEN (i - 1) % 6 = 0 THEN c.t0 - interval '400 days'
            WHEN ((i - 1) / 6) % 10 = 9 THEN c.t0 - interval '40 days' - ((i::bigint * 7919) % 432000) * interval '1 minute'
            ELSE c.t0 - interval '1 minute' - ((i::bigint * 7919) % 86400) * interval '1 minute' END
FROM generate_series(1, :n) AS i, bench_clock c;

-- One code per regular referrer
INSERT INTO referral_codes (id, code, owner_id, status, created_at, expires_at, revoked_at)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g + 1), 12, '0'))::uuid,
       'BNCH' || g,
       ('00000000-0000-4000-8000-' || lpad(to_hex(g * 6 + 1), 12, '0'))::uuid,
       CASE WHEN g % 10 = 9 THEN 'EXPIRED' ELSE 'ACTIVE' END,
       CASE WHEN g % 10 = 9 THEN c.t0 - interval '400 days' ELSE c.t0 - interval '90 days' END,
       CASE WHEN g % 10 = 9 THEN c.t0 - interval '40 days' ELSE c.t0 + interval '270 days' END,
       NULL
FROM generate_series(0, (:n - 1) / 6) AS g, bench_clock c;

-- One referral per regular referee, made with the group's code at the referee's registration
INSERT INTO referrals (id, referrer_id, referee_id, code_id, created_at, status, points, qualified_at, rewarded_at,
                       referee_mailbox)
SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(u.i), 12, '0'))::uuid,
       u.referred_by,
       u.id,
       ('00000000-0000-4000-9000-' || lpad(to_hex((u.i - 1) / 6 + 1), 12, '0'))::uuid,
       u.created_at,
       'REWARDED', 10, u.created_at, u.created_at, u.email_canonical
FROM (SELECT i, id, referred_by, created_at, email_canonical
      FROM generate_series(1, :n) AS i
      JOIN users ON users.id = ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid
      WHERE (i - 1) % 6 <> 0) AS u;

-- Heavy referrers
INSERT INTO users (id, username, email, email_canonical, name, password_hash, roles, referred_by, created_at)
SELECT ('00000001-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid,
       'heavy' || k,
       'heavy' || k || '@bench.example.com',
       'heavy' || k || '@bench.example.com',
       NULL, :hash, 'user', NULL, c.t0 - interval '400 days'
FROM generate_series(1, :heavy) AS k, bench_clock c;

INSERT INTO referral_codes (id, code, owner_id, status, created_at, expires_at, revoked_at)
SELECT ('00000001-0000-4000-9000-' || lpad(to_hex(k), 12, '0'))::uuid,
       'HEAVY' || k,
       ('00000001-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid,
       'ACTIVE', c.t0 - interval '90 days', c.t0 + interval '270 days', NULL
FROM generate_series(1, :heavy) AS k, bench_clock c;

-- Heavy referees: heavy_refs per heavy referrer
INSERT INTO users (id, username, email, email_canonical, name, password_hash, roles, referred_by, created_at)
SELECT ('00000002-0000-4000-8000-' || lpad(to_hex(j), 12, '0'))::uuid,
       'hvref' || j,
       'hvref' || j || '@bench.example.org',
       'hvref' || j || '@bench.example.org',
       NULL, :hash, 'user',
       ('00000001-0000-4000-8000-' || lpad(to_hex((j - 1) / :heavy_refs + 1), 12, '0'))::uuid,
       c.t0 - interval '1 minute' - ((j::bigint * 7919) % 86400) * interval '1 minute'
FROM generate_series(1, :heavy * :heavy_refs) AS j, bench_clock c;

INSERT INTO referrals (id, referrer_id, referee_id, code_id, created_at, status, points, qualified_at, rewarded_at,
                       referee_mailbox)
SELECT ('00000002-0000-4000-a000-' || lpad(to_hex(j), 12, '0'))::uuid,
       ('00000001-0000-4000-8000-' || lpad(to_hex((j - 1) / :heavy_refs + 1), 12, '0'))::uuid,
       ('00000002-0000-4000-8000-' || lpad(to_hex(j), 12, '0'))::uuid,
       ('00000001-0000-4000-9000-' || lpad(to_hex((j - 1) / :heavy_refs + 1), 12, '0'))::uuid,
       t.at, 'REWARDED', 10, t.at, t.at, 'hvref' || j || '@bench.example.org'
FROM generate_series(1, :heavy * :heavy_refs) AS j, bench_clock c,
     LATERAL (SELECT c.t0 - interval '1 minute' - ((j::bigint * 7919) % 86400) * interval '1 minute' AS at) AS t;

-- The ledger: 10 points to the referrer for every referral (same id suffix as the referral)
INSERT INTO reward_entries (id, user_id, points, reason, referral_id, created_at)
SELECT overlay(r.id::text placing 'b' from 20 for 1)::uuid,
       r.referrer_id, 10, 'REFERRAL_REFERRER', r.id, r.created_at
FROM referrals r;

COMMIT;

SET session_replication_role = DEFAULT;

-- The stats summaries (changeset 0014, ADR 0016): their triggers did not fire during the bulk load (replica role).
SELECT referral_stats_rebuild();

-- Sanity: the invariants the app relies on (fails the seed if one is broken)
DO $$
DECLARE
    bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM referrals r LEFT JOIN users u ON u.id = r.referee_id
        WHERE u.id IS NULL OR u.referred_by IS DISTINCT FROM r.referrer_id;
    IF bad > 0 THEN RAISE EXCEPTION 'seed: % referrals without a matching referee', bad; END IF;
    SELECT count(*) INTO bad FROM (SELECT owner_id FROM referral_codes WHERE status = 'ACTIVE'
        GROUP BY owner_id HAVING count(*) > 1) x;
    IF bad > 0 THEN RAISE EXCEPTION 'seed: % users with two active codes', bad; END IF;
    SELECT count(*) INTO bad FROM referrals r LEFT JOIN reward_entries e ON e.referral_id = r.id
        WHERE e.id IS NULL;
    IF bad > 0 THEN RAISE EXCEPTION 'seed: % referrals without a reward entry', bad; END IF;
END $$;
