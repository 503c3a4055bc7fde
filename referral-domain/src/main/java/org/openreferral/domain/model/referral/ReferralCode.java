package org.openreferral.domain.model.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.UserId;

/** Aggregate: a code one user shares so that others can register as their referrals. */
public final class ReferralCode {

    /** The subject of the {@link InvalidValueException}s that refuse a new code's expiry. */
    public static final String EXPIRY = "expiry";

    private final ReferralCodeId id;
    private final CodeValue value;
    private final UserId owner;
    private final Instant createdAt;
    private final Instant expiresAt;
    private CodeStatus status;
    private Instant revokedAt;

    private ReferralCode(ReferralCodeId id, CodeValue value, UserId owner, Instant createdAt, Instant expiresAt,
                         CodeStatus status, Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.value = Objects.requireNonNull(value, "value");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.status = Objects.requireNonNull(status, "status");
        this.revokedAt = revokedAt;
    }

    /**
     * A new active code. Its expiry must lie in the future and no further than the policy allows; that
     * the owner has no other active code is checked by the use case and held by the database.
     */
    public static ReferralCode issue(ReferralCodeId id, CodeValue value, UserId owner, Instant expiresAt,
                                     CodePolicy policy, Instant now) {
        if (expiresAt == null) {
            throw new InvalidValueException(EXPIRY, "is required");
        }
        if (!expiresAt.isAfter(now)) {
            throw new InvalidValueException(EXPIRY, "must lie in the future");
        }
        if (expiresAt.isAfter(now.plus(policy.maxTtl()))) {
            throw new InvalidValueException(EXPIRY,
                    "must be at most " + policy.maxTtl().toDays() + " days from now");
        }
        return new ReferralCode(id, value, owner, now, expiresAt, CodeStatus.ACTIVE, null);
    }

    /** Rebuilds a stored code; for persistence adapters only. */
    public static ReferralCode reconstitute(ReferralCodeId id, CodeValue value, UserId owner, Instant createdAt,
                                            Instant expiresAt, CodeStatus status, Instant revokedAt) {
        return new ReferralCode(id, value, owner, createdAt, expiresAt, status, revokedAt);
    }

    /** The status as of {@code now}, by the rule of {@link CodeStatus#effective}. */
    public CodeStatus statusAt(Instant now) {
        return CodeStatus.effective(status, expiresAt, now);
    }

    public boolean isActiveAt(Instant now) {
        return statusAt(now) == CodeStatus.ACTIVE;
    }

    /** Stops the code from working; only an active code can be revoked. */
    public void revoke(Instant now) {
        switch (statusAt(now)) {
            case REVOKED -> throw new ConflictException("code-revoked", "The referral code is already revoked.");
            case EXPIRED -> throw new ConflictException("code-expired", "The referral code has already expired.");
            case ACTIVE -> {
                status = CodeStatus.REVOKED;
                revokedAt = now;
            }
        }
    }

    /** Throws unless a new user may register with this code at {@code now}. */
    public void ensureUsableAt(Instant now) {
        switch (statusAt(now)) {
            case REVOKED -> throw new RuleViolationException("code-revoked", "The referral code has been revoked.");
            case EXPIRED -> throw new RuleViolationException("code-expired", "The referral code has expired.");
            case ACTIVE -> { }
        }
    }

    public ReferralCodeId id() {
        return id;
    }

    public CodeValue value() {
        return value;
    }

    public UserId owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The stored status, which may still say ACTIVE for a code past its expiry; see {@link #statusAt}. */
    public CodeStatus storedStatus() {
        return status;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
