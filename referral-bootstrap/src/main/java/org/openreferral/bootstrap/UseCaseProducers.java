package org.openreferral.bootstrap;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openreferral.application.port.in.AuthenticateUserUseCase;
import org.openreferral.application.port.in.CreateReferralCodeUseCase;
import org.openreferral.application.port.in.GetActiveReferralCodeUseCase;
import org.openreferral.application.port.in.GetReferralStatsUseCase;
import org.openreferral.application.port.in.GetRewardsUseCase;
import org.openreferral.application.port.in.GetUserUseCase;
import org.openreferral.application.port.in.ListReferralCodesUseCase;
import org.openreferral.application.port.in.ListReferralsUseCase;
import org.openreferral.application.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.port.in.RegisterUserUseCase;
import org.openreferral.application.port.in.RevokeReferralCodeUseCase;
import org.openreferral.application.port.out.EmailVerdictCache;
import org.openreferral.application.port.out.EmailVerifier;
import org.openreferral.application.port.out.PasswordHasher;
import org.openreferral.application.port.out.ReferralCodeCache;
import org.openreferral.application.port.out.ReferralCodeRepository;
import org.openreferral.application.port.out.ReferralRepository;
import org.openreferral.application.port.out.RewardLedger;
import org.openreferral.application.port.out.TokenIssuer;
import org.openreferral.application.port.out.UnitOfWork;
import org.openreferral.application.port.out.UserRepository;
import org.openreferral.application.service.AuthenticateUserService;
import org.openreferral.application.service.CreateReferralCodeService;
import org.openreferral.application.service.EmailScreening;
import org.openreferral.application.service.GetActiveReferralCodeService;
import org.openreferral.application.service.GetReferralStatsService;
import org.openreferral.application.service.GetRewardsService;
import org.openreferral.application.service.GetUserService;
import org.openreferral.application.service.ListReferralCodesService;
import org.openreferral.application.service.ListReferralsService;
import org.openreferral.application.service.LookupReferralCodeService;
import org.openreferral.application.service.RegisterUserService;
import org.openreferral.application.service.RevokeReferralCodeService;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.RewardPolicy;

/**
 * Wires the plain use-case services to the adapters; each producer's type is the in-port. Records and
 * final classes are {@code @Singleton}: a normal-scoped bean would need a proxy subclass.
 */
@ApplicationScoped
public class UseCaseProducers {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        // Millisecond ticks: what is returned equals what PostgreSQL stores and reads back.
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Produces
    @ApplicationScoped
    RandomGenerator secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    CodePolicy codePolicy(@ConfigProperty(name = "referral.code.max-ttl", defaultValue = "P365D") Duration maxTtl) {
        return new CodePolicy(maxTtl);
    }

    @Produces
    @Singleton
    RewardPolicy rewardPolicy(@ConfigProperty(name = "referral.reward.referrer-points", defaultValue = "10") int referrer,
                              @ConfigProperty(name = "referral.reward.referee-points", defaultValue = "0") int referee) {
        return new RewardPolicy(referrer, referee);
    }

    @Produces
    @Singleton
    EmailScreening emailScreening(EmailVerifier verifier, EmailVerdictCache cache,
            @ConfigProperty(name = "referral.email.fail-open", defaultValue = "true") boolean failOpen,
            @ConfigProperty(name = "referral.email.final-verdict-ttl", defaultValue = "P7D") Duration finalTtl,
            @ConfigProperty(name = "referral.email.unknown-verdict-ttl", defaultValue = "PT10M") Duration unknownTtl) {
        return new EmailScreening(verifier, cache, new EmailScreening.Policy(failOpen, finalTtl, unknownTtl));
    }

    @Produces
    @ApplicationScoped
    RegisterUserUseCase registerUser(UserRepository users, ReferralCodeRepository codes, ReferralRepository referrals,
                                     RewardLedger ledger, PasswordHasher hasher, EmailScreening screening,
                                     UnitOfWork unitOfWork, RewardPolicy rewards, Clock clock) {
        return new RegisterUserService(users, codes, referrals, ledger, hasher, screening, unitOfWork, rewards, clock);
    }

    @Produces
    @ApplicationScoped
    AuthenticateUserUseCase authenticateUser(UserRepository users, PasswordHasher hasher, TokenIssuer tokens,
                                             UnitOfWork unitOfWork) {
        return new AuthenticateUserService(users, hasher, tokens, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    GetUserUseCase getUser(UserRepository users, UnitOfWork unitOfWork) {
        return new GetUserService(users, unitOfWork);
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
            UnitOfWork unitOfWork, Clock clock,
            @ConfigProperty(name = "referral.cache.lookup-ttl", defaultValue = "PT10M") Duration lookupTtl) {
        return new LookupReferralCodeService(codes, cache, unitOfWork, lookupTtl, clock);
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
