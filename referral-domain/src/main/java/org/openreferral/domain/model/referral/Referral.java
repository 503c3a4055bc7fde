package org.openreferral.domain.model.referral;

import java.time.Instant;
import java.util.Objects;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** A new user (the referee) who registered with the referral code of another (the referrer). */
public record Referral(ReferralId id, UserId referrer, UserId referee, ReferralCodeId code, Instant createdAt) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(referee, "referee");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Records that {@code refereeId} registered with {@code code}. The code must be usable now and the
     * referee's mailbox must not be the referrer's own.
     */
    public static Referral record(ReferralCode code, UserId refereeId, Email refereeEmail, Email referrerEmail,
                                  Instant now) {
        code.ensureUsableAt(now);
        if (refereeEmail.canonical().equals(referrerEmail.canonical())) {
            throw new RuleViolationException("self-referral", "You cannot register with your own referral code.");
        }
        return new Referral(ReferralId.newId(), code.owner(), refereeId, code.id(), now);
    }
}
