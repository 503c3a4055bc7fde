package org.openreferral.bootstrap.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.in.CreateReferralCodeUseCase;
import org.openreferral.application.referral.port.in.GetActiveReferralCodeUseCase;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase;
import org.openreferral.application.referral.port.in.GetRewardsUseCase;
import org.openreferral.application.referral.port.in.ListReferralCodesUseCase;
import org.openreferral.application.referral.port.in.ListReferralsUseCase;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.referral.service.AttributeReferralService;
import org.openreferral.application.referral.service.CreateReferralCodeService;
import org.openreferral.application.referral.service.GetActiveReferralCodeService;
import org.openreferral.application.referral.service.GetReferralStatsService;
import org.openreferral.application.referral.service.GetRewardsService;
import org.openreferral.application.referral.service.ListReferralCodesService;
import org.openreferral.application.referral.service.ListReferralsService;
import org.openreferral.application.referral.service.LookupReferralCodeService;
import org.openreferral.application.referral.service.RevokeReferralCodeService;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.RewardPolicy;

/**
 * Wires the referral slice's use cases to the adapters, and the slice's side of a registration with a code
 * ({@link ReferralAttribution}, an out-port of the account slice). Each producer's type is the port.
 */
@ApplicationScoped
public class ReferralWiring {

    @Produces
    @Singleton
    CodePolicy codePolicy(ReferralSettings settings) {
        return new CodePolicy(settings.code().maxTtl());
    }

    @Produces
    @Singleton
    RewardPolicy rewardPolicy(ReferralSettings settings) {
        return new RewardPolicy(settings.reward().referrerPoints(), settings.reward().refereePoints());
    }

    @Produces
    @ApplicationScoped
    ReferralAttribution referralAttribution(UserRepository users, ReferralCodeRepository codes,
                                            ReferralRepository referrals, RewardLedger ledger, RewardPolicy rewards) {
        return new AttributeReferralService(users, codes, referrals, ledger, rewards);
    }

    @Produces
    @ApplicationScoped
    CreateReferralCodeUseCase createReferralCode(UserRepository users, ReferralCodeRepository codes,
                                                 ReferralCodeCache cache, UnitOfWork unitOfWork, CodePolicy policy,
                                                 RandomGenerator secureRandom, Clock clock) {
        return new CreateReferralCodeService(users, codes, cache, unitOfWork, policy, secureRandom, clock);
    }

    @Produces
    @ApplicationScoped
    ListReferralCodesUseCase listReferralCodes(ReferralCodeRepository codes, ReferralRepository referrals,
                                               UnitOfWork unitOfWork, Clock clock) {
        return new ListReferralCodesService(codes, referrals, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    GetActiveReferralCodeUseCase getActiveReferralCode(ReferralCodeRepository codes, ReferralRepository referrals,
                                                       UnitOfWork unitOfWork, Clock clock) {
        return new GetActiveReferralCodeService(codes, referrals, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    RevokeReferralCodeUseCase revokeReferralCode(UserRepository users, ReferralCodeRepository codes,
                                                 ReferralRepository referrals, ReferralCodeCache cache,
                                                 UnitOfWork unitOfWork, Clock clock) {
        return new RevokeReferralCodeService(users, codes, referrals, cache, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    LookupReferralCodeUseCase lookupReferralCode(ReferralCodeRepository codes, ReferralCodeCache cache,
                                                 UnitOfWork unitOfWork, Clock clock, ReferralMetrics metrics) {
        return metrics.lookups(new LookupReferralCodeService(codes, cache, unitOfWork, clock));
    }

    @Produces
    @ApplicationScoped
    ListReferralsUseCase listReferrals(ReferralCodeRepository codes, ReferralRepository referrals,
                                       UnitOfWork unitOfWork) {
        return new ListReferralsService(codes, referrals, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    GetReferralStatsUseCase referralStats(ReferralCodeRepository codes, ReferralRepository referrals,
                                          RewardLedger ledger, UnitOfWork unitOfWork, Clock clock) {
        return new GetReferralStatsService(codes, referrals, ledger, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    GetRewardsUseCase rewards(RewardLedger ledger, UnitOfWork unitOfWork) {
        return new GetRewardsService(ledger, unitOfWork);
    }
}
