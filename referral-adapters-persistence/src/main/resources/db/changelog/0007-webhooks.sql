--liquibase formatted sql

--changeset openreferral:0007-webhooks
-- Webhook endpoints (ADR 0012). The signing secrets are kept as such: an HMAC needs the key itself. owner_client_id
-- is the machine client that created the endpoint (NULL: an admin); a client manages only its own.
CREATE TABLE webhook_endpoints (
    id                          uuid          PRIMARY KEY,
    owner_client_id             uuid          NULL,
    url                         varchar(2000) NOT NULL,
    events                      varchar(1000) NOT NULL CHECK (events <> ''),
    description                 varchar(500)  NULL,
    enabled                     boolean       NOT NULL,
    disabled_reason             varchar(200)  NULL,
    consecutive_failures        integer       NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    secret                      varchar(100)  NOT NULL,
    previous_secret             varchar(100)  NULL,
    previous_secret_expires_at  timestamptz   NULL,
    created_at                  timestamptz   NOT NULL
);
CREATE INDEX webhook_endpoints_owner_idx ON webhook_endpoints (owner_client_id, created_at, id);

-- One row per delivery attempt. A PENDING row is due at next_attempt_at; a worker claims it for a lease
-- (claim_owner, claim_expires_at) with FOR UPDATE SKIP LOCKED, sends after committing the claim, and writes the
-- outcome only while the claim is still its own. A FAILED row's next_attempt_at is when its retry is due.
-- payload is the event's JSON as delivered (the same bytes on every attempt).
CREATE TABLE webhook_deliveries (
    id                uuid         PRIMARY KEY,
    endpoint_id       uuid         NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id          uuid         NOT NULL,
    event_type        varchar(40)  NOT NULL,
    attempt           integer      NOT NULL CHECK (attempt >= 1),
    status            varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    response_status   integer      NULL,
    duration_ms       bigint       NULL,
    payload           text         NOT NULL,
    created_at        timestamptz  NOT NULL,
    next_attempt_at   timestamptz  NULL,
    claim_owner       uuid         NULL,
    claim_expires_at  timestamptz  NULL,
    CONSTRAINT webhook_deliveries_attempt_key UNIQUE (endpoint_id, event_id, attempt)
);
-- What the workers poll: the pending attempts by due time.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
-- The delivery log of one endpoint, newest first.
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, created_at DESC, attempt DESC);

-- The sequence of the last event fanned out to endpoints: one row, row-locked by the one dispatcher at work.
CREATE TABLE webhook_dispatch_cursor (
    id             integer  PRIMARY KEY CHECK (id = 1),
    last_sequence  bigint   NOT NULL
);
INSERT INTO webhook_dispatch_cursor (id, last_sequence) VALUES (1, 0);
