--liquibase formatted sql

--changeset openreferral:0011-webhook-delivery-retention
-- Finished delivery attempts are deleted once older than REFERRAL_WEBHOOK_DELIVERY_RETENTION (ADR 0012), counted
-- from finished_at: when the attempt was made and its outcome written (NULL while PENDING). Rows finished before
-- this column existed have none and count from created_at, never later than their finish, so no backfill rewrites
-- the table. The purge reads the finished rows by that time, a bounded batch per transaction.
ALTER TABLE webhook_deliveries ADD COLUMN finished_at timestamptz NULL;
CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries ((coalesce(finished_at, created_at)))
    WHERE status <> 'PENDING';
