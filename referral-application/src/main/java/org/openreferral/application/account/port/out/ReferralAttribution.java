package org.openreferral.application.account.port.out;

import java.time.Instant;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Out-port: makes an account registered with a referral code the referral of the code's owner. Both steps run
 * inside the registering transaction: {@link #attribute} before the account exists (it checks the code and holds
 * it until the transaction ends), {@link Attribution#record()} once it does.
 */
public interface ReferralAttribution {

    /** Checks that {@code code} may refer this new account now; throws the referral rule's error if not. */
    Attribution attribute(CodeValue code, UserId referee, Email refereeEmail, Instant now);

    /**
     * The referee confirmed their email: a PENDING referral waiting for that condition qualifies, in the confirming
     * transaction.
     */
    void emailVerified(UserId referee, Instant now);

    /** A checked referral: who refers the new account, and the step that records it. */
    interface Attribution {

        UserId referrerId();

        Username referrerUsername();

        /** Records the referral and what it earns; the referee's account must exist by now. */
        void record();
    }
}
