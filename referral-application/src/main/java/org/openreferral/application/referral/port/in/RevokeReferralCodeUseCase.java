package org.openreferral.application.referral.port.in;

import org.openreferral.application.shared.Caller;

/** Use case: revoke one of the caller's referral codes so that it stops working at once. */
public interface RevokeReferralCodeUseCase {

    CodeView revoke(RevokeReferralCodeCommand command);

    /** Which code, revoked by whom. */
    record RevokeReferralCodeCommand(Caller caller, String code) {
    }
}
