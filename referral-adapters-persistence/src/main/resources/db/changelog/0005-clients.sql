--liquibase formatted sql

--changeset openreferral:0005-clients
-- Machine clients (OAuth2 client credentials). The secret is kept only as the SHA-256 digest (hex) of its 256
-- random bits; scopes are the granted scope names, space-separated (an OAuth2 scope string).
CREATE TABLE clients (
    id           uuid         PRIMARY KEY,
    name         varchar(100) NOT NULL,
    scopes       varchar(200) NOT NULL CHECK (scopes <> ''),
    secret_hash  varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL
);
CREATE INDEX clients_created_idx ON clients (created_at, id);
