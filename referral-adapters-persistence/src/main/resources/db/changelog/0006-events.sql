--liquibase formatted sql

--changeset openreferral:0006-events
-- The transactional outbox (ADR 0012). A change appends its event in its own transaction with no sequence; the
-- sequencer numbers committed rows afterwards from events_sequence_seq, so sequence order follows commit order
-- and a reader's cursor never passes an event that commits later. webhook_id is set for an event addressed to
-- one webhook endpoint only (webhook.test). data holds ids, usernames, codes, statuses and points: never an
-- email address, password hash or token.
CREATE SEQUENCE events_sequence_seq AS bigint START WITH 1 INCREMENT BY 1 NO CYCLE;
CREATE TABLE events (
    id          uuid         PRIMARY KEY,
    sequence    bigint       NULL UNIQUE,
    type        varchar(40)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    data        jsonb        NOT NULL,
    webhook_id  uuid         NULL
);
-- What the sequencer reads: the unsequenced rows, oldest first.
CREATE INDEX events_unsequenced_idx ON events (created_at, id) WHERE sequence IS NULL;
-- What the retention purge reads.
CREATE INDEX events_created_idx ON events (created_at);

--changeset openreferral:0006-events-append-order
-- The order events were appended in: several events of one transaction share their created_at (one change, one
-- "now"), and the sequencer must number them in the order the change appended them (created, then qualified,
-- then rewarded), not by their random ids.
ALTER TABLE events ADD COLUMN append_order bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX events_unsequenced_idx;
CREATE INDEX events_unsequenced_idx ON events (created_at, append_order) WHERE sequence IS NULL;
