package org.openreferral.application.referral.port.in;

import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.ReferralId;

/** Use case: one referral, for an admin or its referrer; anyone else is told it does not exist. */
public interface GetReferralUseCase {

    ReferralView get(GetReferralQuery query);

    /** Which referral, asked by whom. */
    record GetReferralQuery(Caller caller, ReferralId id) {
    }
}
