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

    @Column(nullable = false, length = 10)
    public String status;

    @Column(name = "status_reason", length = 200)
    public String statusReason;

    @Column(nullable = false)
    public int points;

    @Column(name = "external_id", length = 200)
    public String externalId;

    @Column(name = "qualified_at")
    public Instant qualifiedAt;

    @Column(name = "rewarded_at")
    public Instant rewardedAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "referee_mailbox", length = 254, updatable = false)
    public String refereeMailbox;

    @Column(name = "client_network", length = 64, updatable = false)
    public String clientNetwork;
}
