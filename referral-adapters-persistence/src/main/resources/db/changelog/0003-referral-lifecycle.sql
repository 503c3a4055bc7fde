--liquibase formatted sql

--changeset openreferral:0003-referral-lifecycle
-- The referral lifecycle (docs/adr/0010-referral-lifecycle.md): status, reason, points and timestamps.
ALTER TABLE referrals
    ADD COLUMN status          varchar(10),
    ADD COLUMN status_reason   varchar(200),
    ADD COLUMN points          integer NOT NULL DEFAULT 0,
    ADD COLUMN external_id     varchar(200),
    ADD COLUMN qualified_at    timestamptz,
    ADD COLUMN rewarded_at     timestamptz,
    ADD COLUMN voided_at       timestamptz,
    -- The referee's canonical mailbox (Email.canonical()): one referral per mailbox.
    ADD COLUMN referee_mailbox varchar(254),
    -- HMAC-SHA256 of the client's network (IPv4 /24, IPv6 /64), never the address itself; null when unknown.
    ADD COLUMN client_network  varchar(64);
-- v1 rewarded every referral at registration: existing ones are REWARDED then, their points the referrer's credit.
UPDATE referrals r
   SET status = 'REWARDED',
       qualified_at = r.created_at,
       rewarded_at = r.created_at,
       points = coalesce((SELECT sum(e.points) FROM reward_entries e
                           WHERE e.referral_id = r.id AND e.user_id = r.referrer_id), 0);
-- v1 did not hold the mailbox rule: where one mailbox was referred more than once, the oldest referral keeps it
-- and the later ones keep none (the unique index ignores nulls), so the migration never fails on old data.
UPDATE referrals r
   SET referee_mailbox = u.email_canonical
  FROM users u
 WHERE u.id = r.referee_id
   AND NOT EXISTS (SELECT 1 FROM referrals o JOIN users ou ON ou.id = o.referee_id
                    WHERE ou.email_canonical = u.email_canonical
                      AND (o.created_at, o.id) < (r.created_at, r.id));
ALTER TABLE referrals
    ALTER COLUMN status SET NOT NULL,
    ADD CONSTRAINT referrals_status_ck CHECK (status IN ('PENDING', 'FLAGGED', 'QUALIFIED', 'REWARDED', 'VOIDED')),
    ADD CONSTRAINT referrals_points_ck CHECK (points >= 0),
    ADD CONSTRAINT referrals_qualified_ck CHECK (status NOT IN ('QUALIFIED', 'REWARDED') OR qualified_at IS NOT NULL),
    ADD CONSTRAINT referrals_rewarded_ck CHECK ((status = 'REWARDED') <= (rewarded_at IS NOT NULL)),
    ADD CONSTRAINT referrals_voided_ck CHECK ((status = 'VOIDED') = (voided_at IS NOT NULL));
-- The database decides races between registrations of one mailbox (-> 422 mailbox-already-referred).
CREATE UNIQUE INDEX referrals_referee_mailbox_uq ON referrals (referee_mailbox);
-- The same-network rule counts one referrer's referrals from one network within a window.
CREATE INDEX referrals_referrer_network_idx ON referrals (referrer_id, client_network, created_at)
    WHERE client_network IS NOT NULL;
-- Held rewards: the release job claims QUALIFIED rows by qualification time.
CREATE INDEX referrals_held_idx ON referrals (qualified_at) WHERE status = 'QUALIFIED';
-- Caps count a referrer's credited rewards within a period.
CREATE INDEX referrals_referrer_credited_idx ON referrals (referrer_id, rewarded_at)
    WHERE status = 'REWARDED' AND points > 0;
-- The admin listing, newest first, all or by status.
CREATE INDEX referrals_created_idx ON referrals (created_at DESC, id DESC);
CREATE INDEX referrals_status_created_idx ON referrals (status, created_at DESC, id DESC);

--changeset openreferral:0003-reward-reversals
-- A voided referral's credits are reversed by negative REFERRAL_VOIDED entries: per referral and beneficiary one
-- credit and one reversal. The ledger stays append-only (its trigger is unchanged).
ALTER TABLE reward_entries DROP CONSTRAINT reward_entries_once_per_referral_uq;
ALTER TABLE reward_entries ADD CONSTRAINT reward_entries_once_per_reason_uq UNIQUE (referral_id, user_id, reason);
ALTER TABLE reward_entries DROP CONSTRAINT reward_entries_points_check;
ALTER TABLE reward_entries ADD CONSTRAINT reward_entries_points_ck
    CHECK (points <> 0 AND (reason = 'REFERRAL_VOIDED') = (points < 0));
