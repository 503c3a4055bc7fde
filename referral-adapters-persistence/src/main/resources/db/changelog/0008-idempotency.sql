--liquibase formatted sql

--changeset openreferral:0008-idempotency
-- Idempotency keys (docs/adr/0013-idempotency.md). One row per scope: scope_hash is the SHA-256 (hex) of the caller,
-- method, path and key; request_hash the SHA-256 (hex) of the request body that claimed it. A row is IN_FLIGHT from
-- its claim (committed before the request runs) until its answer is kept (COMPLETE); claim_id tells the claiming
-- request apart from a later one that took over a claim whose lock (locked_until) ran out.
CREATE TABLE idempotency_keys (
    scope_hash             varchar(64)   PRIMARY KEY,
    request_hash           varchar(64)   NOT NULL,
    claim_id               uuid          NOT NULL,
    state                  varchar(16)   NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETE')),
    locked_until           timestamptz   NOT NULL,
    response_status        integer,
    response_content_type  varchar(255),
    response_location      varchar(2048),
    response_body          bytea,
    created_at             timestamptz   NOT NULL,
    expires_at             timestamptz   NOT NULL,
    CHECK (state = 'IN_FLIGHT' OR (response_status IS NOT NULL AND response_content_type IS NOT NULL
                                   AND response_body IS NOT NULL))
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
