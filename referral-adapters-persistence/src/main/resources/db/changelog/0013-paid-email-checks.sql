--liquibase formatted sql

--changeset openreferral:0013-paid-email-checks
-- Hunter.io requests per calendar month (UTC), counted by every instance together: the monthly budget
-- (REFERRAL_EMAIL_HUNTER_MONTHLY_BUDGET, docs/adr/0004-account-security.md) is one atomic
-- "insert ... on conflict do update ... where calls < budget" on this row. One row a month, never deleted.
CREATE TABLE paid_email_checks (
    month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    calls bigint NOT NULL CHECK (calls >= 0)
);
