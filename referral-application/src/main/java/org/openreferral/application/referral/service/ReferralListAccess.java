package org.openreferral.application.referral.service;

import java.util.function.Function;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByCode;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByReferrer;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.Scope;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.user.UserId;

/**
 * Who may read which referral list, for both ways of paging it: a referrer's list by the referrer themselves or an
 * admin, a code's list by the code's owner; anyone else gets the 404 of a list that does not exist.
 */
final class ReferralListAccess {

    private final ReferralCodeRepository codes;

    ReferralListAccess(ReferralCodeRepository codes) {
        this.codes = codes;
    }

    /** Checks that {@code caller} may read the list of {@code scope}, then reads it; inside a unit of work. */
    <R> R read(Caller caller, Scope scope, Function<UserId, R> byReferrer, Function<ReferralCodeId, R> byCode) {
        if (scope instanceof ByReferrer referrer) {
            if (!caller.maySee(referrer.referrerId())) {
                throw NotFoundException.user();
            }
            return byReferrer.apply(referrer.referrerId());
        }
        ReferralCodeId code = codes.findByValue(((ByCode) scope).code(), Lock.NONE)
                .filter(found -> found.owner().equals(caller.id()))
                .orElseThrow(NotFoundException::referralCode)
                .id();
        return byCode.apply(code);
    }
}
