package org.openreferral.application.referral.port.in;

import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.ReferralId;

/** Use case: an admin cancels a referral; whatever it had credited is reversed by compensating ledger entries. */
public interface VoidReferralUseCase {

    ReferralView voidReferral(VoidReferralCommand command);

    /** Which referral, by whom, and why (1 to {@value #MAX_REASON} characters). */
    record VoidReferralCommand(Caller caller, ReferralId id, String reason) {

        public static final int MAX_REASON = 200;

        public VoidReferralCommand {
            if (reason == null || reason.isBlank()) {
                throw new InvalidValueException("reason for voiding", "is required");
            }
            if (reason.length() > MAX_REASON) {
                throw new InvalidValueException("reason for voiding", "must be at most " + MAX_REASON + " characters");
            }
        }
    }
}
