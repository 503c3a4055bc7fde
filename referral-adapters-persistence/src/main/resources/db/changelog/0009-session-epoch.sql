--liquibase formatted sql

--changeset openreferral:0009-session-epoch
-- The session epoch of a user (docs/adr/0004-account-security.md, "Sessions surviving a reset or logout through
-- races"): raised, under the row lock, by every transaction that ends all of the user's sessions (a password reset).
-- A login reads it with the password hash and opens its session only if it is unchanged, under the same lock.
ALTER TABLE users ADD COLUMN session_epoch bigint NOT NULL DEFAULT 0 CHECK (session_epoch >= 0);
