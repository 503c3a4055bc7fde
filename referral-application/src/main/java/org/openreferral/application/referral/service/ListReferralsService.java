package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.ListReferralsUseCase;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.UserId;

/**
 * Lists referrals for the referrer themselves (or an admin), or those of one of the caller's codes.
 * Referee emails are masked unless an admin asks.
 */
public final class ListReferralsService implements ListReferralsUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;

    public ListReferralsService(ReferralCodeRepository codes, ReferralRepository referrals, UnitOfWork unitOfWork) {
        this.codes = codes;
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<ReferralView> list(ListReferralsQuery query) {
        Caller caller = query.caller();
        Page<ReferralRecord> page;
        if (query.scope() instanceof ByReferrer byReferrer) {
            UserId referrer = byReferrer.referrerId();
            if (!caller.maySee(referrer)) {
                throw NotFoundException.user();
            }
            page = unitOfWork.reading(() -> referrals.listByReferrer(referrer, query.page()));
        } else {
            CodeValue value = ((ByCode) query.scope()).code();
            page = unitOfWork.reading(() -> {
                ReferralCode code = codes.findByValue(value, Lock.NONE)
                        .filter(found -> found.owner().equals(caller.id()))
                        .orElseThrow(NotFoundException::referralCode);
                return referrals.listByCode(code.id(), query.page());
            });
        }
        return page.map(record -> ReferralViews.of(record, caller.admin()));
    }
}
