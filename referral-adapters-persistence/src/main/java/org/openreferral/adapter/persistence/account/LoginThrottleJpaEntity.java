package org.openreferral.adapter.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of the {@code login_throttles} table. */
@Entity
@Table(name = "login_throttles")
public class LoginThrottleJpaEntity {

    @Id
    @Column(name = "bucket_hash", length = 64)
    public String bucketHash;

    @Column(name = "account_hash", nullable = false, length = 64)
    public String accountHash;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_ends_at", nullable = false)
    public Instant windowEndsAt;

    @Column(nullable = false)
    public int lockouts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
