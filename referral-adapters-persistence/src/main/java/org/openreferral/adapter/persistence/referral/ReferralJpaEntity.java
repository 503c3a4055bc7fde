package org.openreferral.adapter.persistence.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code referrals} table. */
@Entity
@Table(name = "referrals")
public class ReferralJpaEntity {

    @Id
    public UUID id;

    @Column(name = "referrer_id", nullable = false)
    public UUID referrerId;

    @Column(name = "referee_id", nullable = false)
    public UUID refereeId;

    @Column(name = "code_id", nullable = false)
    public UUID codeId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
