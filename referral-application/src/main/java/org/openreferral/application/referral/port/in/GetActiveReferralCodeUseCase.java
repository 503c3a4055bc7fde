package org.openreferral.application.referral.port.in;

import org.openreferral.application.shared.Caller;

/** Use case: the caller's one active code, if they have one. */
public interface GetActiveReferralCodeUseCase {

    CodeView get(GetActiveReferralCodeQuery query);

    /** Whose active code. */
    record GetActiveReferralCodeQuery(Caller caller) {
    }
}
