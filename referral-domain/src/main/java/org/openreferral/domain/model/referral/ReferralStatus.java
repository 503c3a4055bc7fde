package org.openreferral.domain.model.referral;

/** Where a referral stands in its lifecycle (docs/adr/0010-referral-lifecycle.md). */
public enum ReferralStatus {
    /** The referee registered with the code; the referral waits for its qualifying condition. */
    PENDING,
    /** A fraud rule held it for review; only an admin moves it on. */
    FLAGGED,
    /** The qualifying condition holds; the reward waits for the hold period. */
    QUALIFIED,
    /** The ledger credits are written. */
    REWARDED,
    /** Cancelled; a rewarded referral's credits were reversed by compensating entries. */
    VOIDED
}
