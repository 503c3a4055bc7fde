package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.ListReferralCodesUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;

/** Lists the caller's codes of every status, newest first, each with its referral count. */
public final class ListReferralCodesService implements ListReferralCodesUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ListReferralCodesService(ReferralCodeRepository codes, ReferralRepository referrals, UnitOfWork unitOfWork,
                                    Clock clock) {
        this.codes = codes;
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Page<CodeView> list(ListReferralCodesQuery query) {
        Instant now = clock.instant();
        return unitOfWork.reading(() -> {
            Page<ReferralCode> page = codes.listByOwner(query.caller().id(), query.page());
            Map<ReferralCodeId, Long> counts = referrals.countByCode(page.items().stream().map(ReferralCode::id).toList());
            return page.map(code -> CodeViews.of(code, counts.getOrDefault(code.id(), 0L), now));
        });
    }
}
