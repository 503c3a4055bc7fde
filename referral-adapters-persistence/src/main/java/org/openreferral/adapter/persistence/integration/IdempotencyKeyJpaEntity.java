package org.openreferral.adapter.persistence.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code idempotency_keys} table. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyKeyJpaEntity {

    @Id
    @Column(name = "scope_hash", length = 64)
    public String scopeHash;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(nullable = false, length = 16)
    public String state;

    @Column(name = "locked_until", nullable = false)
    public Instant lockedUntil;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_content_type", length = 255)
    public String responseContentType;

    @Column(name = "response_location", length = 2048)
    public String responseLocation;

    @Column(name = "response_body")
    public byte[] responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
