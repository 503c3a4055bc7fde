package org.openreferral.adapter.persistence.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code webhook_endpoints} table. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpointJpaEntity {

    @Id
    public UUID id;

    @Column(name = "owner_client_id")
    public UUID ownerClientId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(nullable = false, length = 1000)
    public String events;

    @Column(length = 500)
    public String description;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason", length = 200)
    public String disabledReason;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(nullable = false, length = 100)
    public String secret;

    @Column(name = "previous_secret", length = 100)
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
