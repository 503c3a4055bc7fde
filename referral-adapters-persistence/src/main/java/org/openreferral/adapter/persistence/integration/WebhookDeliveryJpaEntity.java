package org.openreferral.adapter.persistence.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code webhook_deliveries} table: one delivery attempt, with its claim. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDeliveryJpaEntity {

    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false, length = 40)
    public String eventType;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false, length = 10)
    public String status;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "claim_owner")
    public UUID claimOwner;

    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;
}
