package org.openreferral.application.referral.service;

import java.time.Instant;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * The referral side of a registration with a code: the code must be usable and the referee not its owner;
 * the referral and its rewards are recorded in the registering transaction.
 */
public final class AttributeReferralService implements ReferralAttribution {

    private final UserRepository users;
    private final ReferralCodeRepository codes;
    private final ReferralRepository referrals;
    private final RewardLedger ledger;
    private final RewardPolicy rewardPolicy;

    public AttributeReferralService(UserRepository users, ReferralCodeRepository codes, ReferralRepository referrals,
                                    RewardLedger ledger, RewardPolicy rewardPolicy) {
        this.users = users;
        this.codes = codes;
        this.referrals = referrals;
        this.ledger = ledger;
        this.rewardPolicy = rewardPolicy;
    }

    @Override
    public Attribution attribute(CodeValue value, UserId referee, Email refereeEmail, Instant now) {
        ReferralCode code = codes.findByValue(value, Lock.SHARE)
                .orElseThrow(() -> new RuleViolationException("code-not-found", "No such referral code."));
        User referrer = users.findById(code.owner()).orElseThrow();
        Referral referral = Referral.record(code, referee, refereeEmail, referrer.email(), now);
        return new CheckedReferral(referrer.id(), referrer.username(), referral);
    }

    @Override
    public void emailVerified(UserId referee, Instant now) {
        // Implemented by the referral lifecycle (issue 13); this branch only needs the call.
    }

    private final class CheckedReferral implements Attribution {

        private final UserId referrerId;
        private final Username referrerUsername;
        private final Referral referral;

        CheckedReferral(UserId referrerId, Username referrerUsername, Referral referral) {
            this.referrerId = referrerId;
            this.referrerUsername = referrerUsername;
            this.referral = referral;
        }

        @Override
        public UserId referrerId() {
            return referrerId;
        }

        @Override
        public Username referrerUsername() {
            return referrerUsername;
        }

        @Override
        public void record() {
            referrals.add(referral);
            ledger.append(rewardPolicy.rewardsFor(referral));
        }
    }
}
