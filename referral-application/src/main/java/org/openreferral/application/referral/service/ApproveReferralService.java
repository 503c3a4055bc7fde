package org.openreferral.application.referral.service;

import java.time.Clock;
import org.openreferral.application.referral.port.in.ApproveReferralUseCase;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.VerifiedEmails;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.QualifyingCondition;
import org.openreferral.domain.model.referral.Referral;

/**
 * Approves a flagged referral: it is PENDING again, and moves on at once when its qualifying condition already
 * holds (registration, or a referee whose email is verified); with {@code event} it waits for the event.
 */
public final class ApproveReferralService implements ApproveReferralUseCase {

    private final AdminReferralChange change;
    private final ReferralRepository referrals;
    private final RewardReferrals rewarding;
    private final VerifiedEmails verifiedEmails;
    private final QualifyingCondition condition;

    public ApproveReferralService(ReferralRepository referrals, RewardReferrals rewarding,
                                  VerifiedEmails verifiedEmails, QualifyingCondition condition,
                                  UnitOfWork unitOfWork, Clock clock) {
        this.change = new AdminReferralChange(referrals, unitOfWork, clock);
        this.referrals = referrals;
        this.rewarding = rewarding;
        this.verifiedEmails = verifiedEmails;
        this.condition = condition;
    }

    @Override
    public ReferralView approve(ApproveReferralCommand command) {
        return change.apply(command.caller(), command.id(), (referral, now) -> {
            referral.approve();
            if (conditionHolds(referral)) {
                rewarding.qualify(referral, null, now);
            } else {
                referrals.update(referral);
            }
        });
    }

    private boolean conditionHolds(Referral referral) {
        return switch (condition) {
            case REGISTRATION -> true;
            case EMAIL_VERIFIED -> verifiedEmails.isVerified(referral.referee());
            case EVENT -> false;
        };
    }
}
