package org.openreferral.application.referral.service;

import java.time.Clock;
import org.openreferral.application.referral.port.in.QualifyReferralUseCase;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.client.Scope;

/** Qualifies a pending referral on an admin's word (and rewards it when there is no hold); repeats change nothing. */
public final class QualifyReferralService implements QualifyReferralUseCase {

    private final AdminReferralChange change;
    private final RewardReferrals rewarding;

    public QualifyReferralService(ReferralRepository referrals, RewardReferrals rewarding, UnitOfWork unitOfWork,
                                  Clock clock) {
        this.change = new AdminReferralChange(referrals, unitOfWork, clock);
        this.rewarding = rewarding;
    }

    @Override
    public ReferralView qualify(QualifyReferralCommand command) {
        return change.apply(command.caller(), Scope.REFERRALS_WRITE, command.id(),
                (referral, now) -> rewarding.qualify(referral, command.externalId().orElse(null), now));
    }
}
