package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.in.ScrollReferralsUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.application.shared.Slice;
import org.openreferral.application.shared.UnitOfWork;

/** Reads a referral list by keyset, with the same access rule and email masking as {@link ListReferralsService}. */
public final class ScrollReferralsService implements ScrollReferralsUseCase {

    private final ReferralListAccess access;
    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;

    public ScrollReferralsService(ReferralCodeRepository codes, ReferralRepository referrals, UnitOfWork unitOfWork) {
        this.access = new ReferralListAccess(codes);
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Slice<ReferralView> scroll(ScrollReferralsQuery query) {
        Slice<ReferralRecord> slice = unitOfWork.reading(() -> access.read(query.caller(), query.scope(),
                referrer -> referrals.listByReferrer(referrer, query.cursor()),
                code -> referrals.listByCode(code, query.cursor())));
        return slice.map(record -> ReferralViews.of(record, query.caller().admin()));
    }
}
