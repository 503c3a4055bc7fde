package org.openreferral.adapter.persistence.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code referral_codes} table. */
@Entity
@Table(name = "referral_codes")
public class ReferralCodeJpaEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 32)
    public String code;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(nullable = false, length = 10)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
