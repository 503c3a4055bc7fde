package org.openreferral.domain.error;

/** The thing asked for does not exist, or the caller may not know that it does. */
public final class NotFoundException extends ReferralException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    /** No such user, or one the caller may not see. */
    public static NotFoundException user() {
        return new NotFoundException("user-not-found", "No such user.");
    }

    /** No such referral code, or one that is not the caller's. */
    public static NotFoundException referralCode() {
        return new NotFoundException("code-not-found", "No such referral code.");
    }

    /** No such referral, or one the caller may not see. */
    public static NotFoundException referral() {
        return new NotFoundException("referral-not-found", "No such referral.");
    }
}
