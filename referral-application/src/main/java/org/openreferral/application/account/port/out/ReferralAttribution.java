package org.openreferral.application.account.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Out-port: what the referral slice does for the account slice. A registration with a code becomes the
 * referral of the code's owner, inside the registering transaction: {@link #attribute} before the account
 * exists (it checks the code and holds it until the transaction ends), {@link Attribution#record()} once it
 * does. A confirmed email address is reported with {@link #emailVerified}, inside the confirming transaction.
 */
public interface ReferralAttribution {

    /**
     * Checks, without holding anything, that {@code code} could refer an account with this email now; throws the
     * referral rule's error if not. Run before the costly steps of a registration (the email check spends a paid
     * credit, the password hash a hashing slot), so that a bad code costs neither; {@link #attribute} checks again.
     */
    void precheck(CodeValue code, Email email, Instant now);

    /** Checks that {@code code} may refer this new account now; throws the referral rule's error if not. */
    Attribution attribute(CodeValue code, NewAccount account, Instant now);

    /** The referee confirmed their email: their referral qualifies if that is the qualifying condition. */
    void emailVerified(UserId referee, Instant now);

    /**
     * The account being registered: its id and email, whether the email check could not judge the address
     * (unknown or accept-all), and the client address it registers from (IP as text), when known.
     */
    record NewAccount(UserId id, Email email, boolean emailUnverifiable, Optional<String> clientAddress) {

        public NewAccount {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(clientAddress, "clientAddress");
        }
    }

    /** A checked referral: who refers the new account, and the step that records it. */
    interface Attribution {

        UserId referrerId();

        Username referrerUsername();

        /** Records the referral and moves it as far as its rules allow; the referee's account must exist by now. */
        void record();
    }
}
