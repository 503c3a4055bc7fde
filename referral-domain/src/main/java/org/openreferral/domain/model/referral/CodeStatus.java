package org.openreferral.domain.model.referral;

/** Where a referral code stands; an ACTIVE code past its expiry reads as EXPIRED. */
public enum CodeStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
