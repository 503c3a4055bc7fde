package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.Referral;

/**
 * Rewards the QUALIFIED referrals whose hold is over, one batch per transaction: the batch is claimed with row
 * locks that concurrent runs (other threads, other instances) skip, so each reward is written exactly once.
 * Within a batch the referrers' reward locks are taken in one order, so two runs never wait for each other in a
 * circle.
 */
public final class ReleaseHeldRewardsService implements ReleaseHeldRewardsUseCase {

    private final ReferralRepository referrals;
    private final RewardReferrals rewarding;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ReleaseHeldRewardsService(ReferralRepository referrals, RewardReferrals rewarding, UnitOfWork unitOfWork,
                                     Clock clock) {
        this.referrals = referrals;
        this.rewarding = rewarding;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ReleasedRewards release(ReleaseHeldRewardsCommand command) {
        int released = 0;
        int batch;
        do {
            batch = unitOfWork.inTransaction(() -> {
                Instant now = clock.instant();
                List<Referral> due = referrals.claimQualified(rewarding.dueIfQualifiedBy(now), command.batchSize());
                due.stream().sorted(Comparator.comparing((Referral referral) -> referral.referrer().value()))
                        .forEach(referral -> rewarding.reward(referral, now));
                return due.size();
            });
            released += batch;
        } while (batch == command.batchSize());
        return new ReleasedRewards(released);
    }
}
