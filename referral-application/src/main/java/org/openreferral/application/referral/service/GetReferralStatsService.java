package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralCounts;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.UserId;

/** Sums up the caller's referrals: totals, the last 7 and 30 days, per code, and the reward balance. */
public final class GetReferralStatsService implements GetReferralStatsUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final RewardLedger ledger;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public GetReferralStatsService(ReferralCodeRepository codes, ReferralRepository referrals, RewardLedger ledger,
                                   UnitOfWork unitOfWork, Clock clock) {
        this.codes = codes;
        this.referrals = referrals;
        this.ledger = ledger;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ReferralStatsView get(GetReferralStatsQuery query) {
        UserId referrer = query.caller().id();
        Instant now = clock.instant();
        return unitOfWork.reading(() -> {
            ReferralCounts counts = referrals.counts(referrer, now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(30)));
            List<CodeCount> byCode = referrals.countsPerCode(referrer).stream()
                    .map(count -> new CodeCount(count.code(), count.statusAt(now).name(), count.referrals()))
                    .toList();
            CodeView active = codes.findActive(referrer, now)
                    .map(code -> CodeViews.of(code, byCode.stream()
                            .filter(count -> count.code().equals(code.value().value()))
                            .mapToLong(CodeCount::referrals).sum(), now))
                    .orElse(null);
            Map<ReferralStatus, Long> perStatus = referrals.countByStatus(referrer);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (ReferralStatus status : ReferralStatus.values()) {
                byStatus.put(status.name(), perStatus.getOrDefault(status, 0L));
            }
            return new ReferralStatsView(counts.total(), counts.last7Days(), counts.last30Days(), active, byCode,
                    ledger.balance(referrer), byStatus);
        });
    }
}
