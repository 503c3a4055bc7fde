package org.openreferral.application.referral.port.out;

import java.time.Instant;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Username;

/**
 * Out-port: what the referral slice reports to the outside world, inside the transaction of the change, so that a
 * rolled-back change reports nothing. The integration slice implements it (the event outbox) and bootstrap wires
 * it, so that referral never imports integration.
 */
public interface ReferralEvents {

    /** {@code owner} was given {@code code} at {@code now}. */
    void codeCreated(ReferralCode code, Username owner, Instant now);

    /** {@code owner} revoked {@code code} at {@code now}. */
    void codeRevoked(ReferralCode code, Username owner, Instant now);

    /**
     * {@code referral} (stored since its creation) went through {@code change} at {@code now}; it is passed as it
     * stands right after that change, which may not be saved yet.
     */
    void referralChanged(Referral referral, ReferralChange change, Instant now);

    /** The changes of a referral that the outside world hears of. */
    enum ReferralChange {
        /** Recorded at the referee's registration (PENDING, or FLAGGED with a following {@link #FLAGGED}). */
        CREATED,
        /** Held for review by a fraud rule. */
        FLAGGED,
        /** Its qualifying condition holds. */
        QUALIFIED,
        /** Its reward was written (possibly 0 points past a cap). */
        REWARDED,
        /** Cancelled, its credits reversed. */
        VOIDED
    }
}
