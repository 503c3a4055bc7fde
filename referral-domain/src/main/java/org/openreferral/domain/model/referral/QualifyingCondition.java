package org.openreferral.domain.model.referral;

/** What makes a PENDING referral QUALIFIED (setting {@code referral.qualify-on}). */
public enum QualifyingCondition {
    /** The referee confirmed their email address (the default). */
    EMAIL_VERIFIED,
    /** A client or an admin says so (e.g. the referee's first order). */
    EVENT,
    /** At once, in the registering transaction: the v1 behaviour. */
    REGISTRATION
}
