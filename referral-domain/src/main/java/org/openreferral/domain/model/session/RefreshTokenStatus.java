package org.openreferral.domain.model.session;

/** Where a refresh token stands; an ACTIVE token past its expiry no longer works either. */
public enum RefreshTokenStatus {
    /** May be exchanged once for new tokens. */
    ACTIVE,
    /** Was exchanged; presenting it again means it leaked. */
    ROTATED,
    /** Its session ended (logout, password reset, detected reuse). */
    REVOKED
}
