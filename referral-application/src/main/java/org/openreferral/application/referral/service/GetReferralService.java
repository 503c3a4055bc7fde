package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.GetReferralUseCase;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.Scope;

/** Reads one referral for an admin, a client with referrals:read or its referrer; for anyone else it does not exist. */
public final class GetReferralService implements GetReferralUseCase {

    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;

    public GetReferralService(ReferralRepository referrals, UnitOfWork unitOfWork) {
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ReferralView get(GetReferralQuery query) {
        Caller caller = query.caller();
        return unitOfWork.reading(() -> referrals.record(query.id()))
                .filter(record -> caller.isAdminOr(Scope.REFERRALS_READ) || caller.maySee(record.referral().referrer()))
                .map(record -> ReferralViews.of(record, caller.isAdminOr(Scope.REFERRALS_READ)))
                .orElseThrow(NotFoundException::referral);
    }
}
