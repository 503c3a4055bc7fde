package org.openreferral.application.referral.port.in;

import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.ReferralId;

/** Use case: an admin releases a flagged referral after review; it moves on at once if its condition holds. */
public interface ApproveReferralUseCase {

    ReferralView approve(ApproveReferralCommand command);

    /** Which referral, by whom. */
    record ApproveReferralCommand(Caller caller, ReferralId id) {
    }
}
