package org.openreferral.domain.model.referral;

import java.time.Instant;

/** Where a referral code stands; an ACTIVE code past its expiry reads as EXPIRED (see {@link #effective}). */
public enum CodeStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /**
     * The rule of a code's effective status, the one place it is decided: a code stored ACTIVE whose expiry
     * is not after {@code now} is EXPIRED; any other stored status stands. The stored status lags behind
     * until the code is marked expired, so whoever reads a stored status reads it through this rule.
     */
    public static CodeStatus effective(CodeStatus stored, Instant expiresAt, Instant now) {
        return stored == ACTIVE && !expiresAt.isAfter(now) ? EXPIRED : stored;
    }
}
