package org.openreferral.domain.error;

/** A well-formed request that a referral rule refuses (expired code, self-referral, rejected email). */
public final class RuleViolationException extends ReferralException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
