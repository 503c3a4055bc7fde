package org.openreferral.adapter.persistence.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the append-only {@code reward_entries} table. */
@Entity
@Table(name = "reward_entries")
public class RewardEntryJpaEntity {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public int points;

    @Column(nullable = false, length = 32)
    public String reason;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
