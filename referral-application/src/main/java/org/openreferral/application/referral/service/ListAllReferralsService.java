package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.ListAllReferralsUseCase;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.Filter;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.client.Scope;

/** Lists every referral for admins and clients with referrals:read, newest first, by status, referrer and referee; emails unmasked. */
public final class ListAllReferralsService implements ListAllReferralsUseCase {

    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;

    public ListAllReferralsService(ReferralRepository referrals, UnitOfWork unitOfWork) {
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<ReferralView> list(ListAllReferralsQuery query) {
        query.caller().requireAdminOr(Scope.REFERRALS_READ);
        Filter filter = new Filter(query.status(), query.referrerId(), query.refereeId());
        return unitOfWork.reading(() -> referrals.list(filter, query.page()))
                .map(record -> ReferralViews.of(record, true));
    }
}
