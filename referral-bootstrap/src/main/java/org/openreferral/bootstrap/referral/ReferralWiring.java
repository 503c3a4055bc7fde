package org.openreferral.bootstrap.referral;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;
import org.openreferral.adapter.rest.referral.ShareLinks;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.referral.port.in.ApproveReferralUseCase;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase;
import org.openreferral.application.referral.port.in.CreateReferralCodeUseCase;
import org.openreferral.application.referral.port.in.GetActiveReferralCodeUseCase;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase;
import org.openreferral.application.referral.port.in.GetReferralUseCase;
import org.openreferral.application.referral.port.in.GetRewardsUseCase;
import org.openreferral.application.referral.port.in.ListAllReferralsUseCase;
import org.openreferral.application.referral.port.in.ListReferralCodesUseCase;
import org.openreferral.application.referral.port.in.ListReferralsUseCase;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.in.QualifyReferralUseCase;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase;
import org.openreferral.application.referral.port.in.ScrollReferralsUseCase;
import org.openreferral.application.referral.port.in.ScrollRewardsUseCase;
import org.openreferral.application.referral.port.in.VoidReferralUseCase;
import org.openreferral.application.referral.port.out.ClientNetworks;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.referral.port.out.VerifiedEmails;
import org.openreferral.application.referral.service.ApproveReferralService;
import org.openreferral.application.referral.service.AttributeReferralService;
import org.openreferral.application.referral.service.CheckShareLinkService;
import org.openreferral.application.referral.service.CreateReferralCodeService;
import org.openreferral.application.referral.service.GetActiveReferralCodeService;
import org.openreferral.application.referral.service.GetReferralService;
import org.openreferral.application.referral.service.GetReferralStatsService;
import org.openreferral.application.referral.service.GetRewardsService;
import org.openreferral.application.referral.service.ListAllReferralsService;
import org.openreferral.application.referral.service.ListReferralCodesService;
import org.openreferral.application.referral.service.ListReferralsService;
import org.openreferral.application.referral.service.LookupReferralCodeService;
import org.openreferral.application.referral.service.QualifyReferralService;
import org.openreferral.application.referral.service.ReleaseHeldRewardsService;
import org.openreferral.application.referral.service.RevokeReferralCodeService;
import org.openreferral.application.referral.service.RewardReferrals;
import org.openreferral.application.referral.service.ScrollReferralsService;
import org.openreferral.application.referral.service.ScrollRewardsService;
import org.openreferral.application.referral.service.VoidReferralService;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.ratelimit.RateLimitPolicy;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.FraudRules;
import org.openreferral.domain.model.referral.RewardCaps;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.User;

/**
 * Wires the referral slice's use cases to the adapters, and the slice's side of a registration with a code
 * ({@link ReferralAttribution}, an out-port of the account slice). Each producer's type is the port.
 */
@ApplicationScoped
public class ReferralWiring {

    private static final Logger LOG = Logger.getLogger(ReferralWiring.class);
    // Used when referral.fraud.network-key is not set: the hashes still hide addresses, but anyone with the
    // source can test guesses against them.
    private static final String BUILT_IN_NETWORK_KEY = "openreferral-client-network-built-in-key-v1";

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
    @Singleton
    RewardReferrals rewardReferrals(ReferralRepository referrals, RewardLedger ledger, ReferralEvents events,
                                    RewardPolicy rewards, ReferralSettings settings) {
        ReferralSettings.Reward reward = settings.reward();
        return new RewardReferrals(referrals, ledger, events, rewards,
                new RewardCaps(reward.capPerPeriod(), reward.capPeriod(), reward.capLifetime()), reward.hold());
    }

    // At start-up, so that a missing key is warned about when the service starts, not at the first registration.
    @Produces
    @Singleton
    @Startup
    ClientNetworks clientNetworks(ReferralSettings settings) {
        return new HmacClientNetworks(settings.fraud().networkKey().orElseGet(() -> {
            LOG.warn("referral.fraud.network-key is not set: client networks are hashed with a built-in key;"
                    + " set REFERRAL_FRAUD_NETWORK_KEY (the same on every instance) in production.");
            return BUILT_IN_NETWORK_KEY;
        }));
    }

    @Produces
    @Singleton
    VerifiedEmails verifiedEmails(UserRepository users) {
        // The account slice's flag, read through its port in the approving transaction.
        return user -> users.findById(user).map(User::isEmailVerified).orElse(false);
    }

    @Produces
    @ApplicationScoped
    ReferralAttribution referralAttribution(UserRepository users, ReferralCodeRepository codes,
                                            ReferralRepository referrals, RewardReferrals rewarding,
                                            ReferralEvents events, ClientNetworks networks,
                                            ReferralSettings settings) {
        ReferralSettings.Fraud fraud = settings.fraud();
        return new AttributeReferralService(users, codes, referrals, rewarding, events, networks,
                new FraudRules(fraud.sameNetworkMax(), fraud.sameNetworkWindow(), fraud.flagUnverifiableEmail()),
                settings.qualifyOn());
    }

    @Produces
    @ApplicationScoped
    ListAllReferralsUseCase listAllReferrals(ReferralRepository referrals, UnitOfWork unitOfWork) {
        return new ListAllReferralsService(referrals, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    GetReferralUseCase getReferral(ReferralRepository referrals, UnitOfWork unitOfWork) {
        return new GetReferralService(referrals, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    QualifyReferralUseCase qualifyReferral(ReferralRepository referrals, RewardReferrals rewarding,
                                           UnitOfWork unitOfWork, Clock clock) {
        return new QualifyReferralService(referrals, rewarding, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    ApproveReferralUseCase approveReferral(ReferralRepository referrals, RewardReferrals rewarding,
                                           VerifiedEmails verifiedEmails, ReferralSettings settings,
                                           UnitOfWork unitOfWork, Clock clock) {
        return new ApproveReferralService(referrals, rewarding, verifiedEmails, settings.qualifyOn(), unitOfWork,
                clock);
    }

    @Produces
    @ApplicationScoped
    VoidReferralUseCase voidReferral(ReferralRepository referrals, RewardLedger ledger, ReferralEvents events,
                                     UnitOfWork unitOfWork, Clock clock) {
        return new VoidReferralService(referrals, ledger, events, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    ReleaseHeldRewardsUseCase releaseHeldRewards(ReferralRepository referrals, RewardReferrals rewarding,
                                                 UnitOfWork unitOfWork, Clock clock) {
        return new ReleaseHeldRewardsService(referrals, rewarding, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    CreateReferralCodeUseCase createReferralCode(UserRepository users, ReferralCodeRepository codes,
                                                 ReferralCodeCache cache, ReferralEvents events,
                                                 UnitOfWork unitOfWork, CodePolicy policy,
                                                 RandomGenerator secureRandom, Clock clock) {
        return new CreateReferralCodeService(users, codes, cache, events, unitOfWork, policy, secureRandom,
                clock);
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
                                                 ReferralEvents events, UnitOfWork unitOfWork, Clock clock) {
        return new RevokeReferralCodeService(users, codes, referrals, cache, events, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    CheckShareLinkUseCase checkShareLink(ReferralCodeRepository codes, UnitOfWork unitOfWork, Clock clock) {
        return new CheckShareLinkService(codes, unitOfWork, clock);
    }

    @Produces
    @Singleton
    ShareLinks shareLinks(ReferralSettings settings) {
        return new ShareLinks(settings.shareLinkBase());
    }

    @Produces
    @ApplicationScoped
    LookupReferralCodeUseCase lookupReferralCode(ReferralCodeRepository codes, ReferralCodeCache cache,
                                                 UnitOfWork unitOfWork, Clock clock, RateLimitPolicy rateLimits,
                                                 ExecutorService workers, ReferralMetrics metrics) {
        // A cached answer completes on the Redis client's event loop; a miss reads the database on Quarkus'
        // worker pool.
        return metrics.lookups(new LookupReferralCodeService(codes, cache, unitOfWork, clock, rateLimits, workers));
    }

    @Produces
    @ApplicationScoped
    ListReferralsUseCase listReferrals(ReferralCodeRepository codes, ReferralRepository referrals,
                                       UnitOfWork unitOfWork) {
        return new ListReferralsService(codes, referrals, unitOfWork);
    }


    @Produces
    @ApplicationScoped
    ScrollReferralsUseCase scrollReferrals(ReferralCodeRepository codes, ReferralRepository referrals,
                                           UnitOfWork unitOfWork) {
        return new ScrollReferralsService(codes, referrals, unitOfWork);
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

    @Produces
    @ApplicationScoped
    ScrollRewardsUseCase scrollRewards(RewardLedger ledger, UnitOfWork unitOfWork) {
        return new ScrollRewardsService(ledger, unitOfWork);
    }
}
