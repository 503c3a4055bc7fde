package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.GetActiveReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;

/** Reads the caller's active code, or says there is none. */
public final class GetActiveReferralCodeService implements GetActiveReferralCodeUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public GetActiveReferralCodeService(ReferralCodeRepository codes, ReferralRepository referrals,
                                        UnitOfWork unitOfWork, Clock clock) {
        this.codes = codes;
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public CodeView get(GetActiveReferralCodeQuery query) {
        Instant now = clock.instant();
        return unitOfWork.reading(() -> codes.findActive(query.caller().id(), now)
                .map(code -> CodeViews.of(code,
                        referrals.countByCode(List.of(code.id())).getOrDefault(code.id(), 0L), now))
                .orElseThrow(NotFoundException::referralCode));
    }
}
