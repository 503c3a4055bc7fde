package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.ListReferralsUseCase;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Lists referrals for the referrer themselves (or an admin), or those of one of the caller's codes.
 * Referee emails are masked unless an admin asks.
 */
public final class ListReferralsService implements ListReferralsUseCase {

    private final ReferralListAccess access;
    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;

    public ListReferralsService(ReferralCodeRepository codes, ReferralRepository referrals, UnitOfWork unitOfWork) {
        this.access = new ReferralListAccess(codes);
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<ReferralView> list(ListReferralsQuery query) {
        Page<ReferralRecord> page = unitOfWork.reading(() -> access.read(query.caller(), query.scope(),
                referrer -> referrals.listByReferrer(referrer, query.page()),
                code -> referrals.listByCode(code, query.page())));
        return page.map(record -> ReferralViews.of(record, query.caller().admin()));
    }
}
