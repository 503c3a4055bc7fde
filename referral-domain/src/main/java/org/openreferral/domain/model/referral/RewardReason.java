package org.openreferral.domain.model.referral;

/** Why points were credited or debited. */
public enum RewardReason {
    /** The referrer brought in a new user. */
    REFERRAL_REFERRER,
    /** The new user registered with somebody's code. */
    REFERRAL_REFEREE,
    /** A voided referral's credit, reversed by a negative entry. */
    REFERRAL_VOIDED
}
