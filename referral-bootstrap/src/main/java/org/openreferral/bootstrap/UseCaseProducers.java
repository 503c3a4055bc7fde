package org.openreferral.bootstrap;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase;
import org.openreferral.application.account.port.in.GetUserUseCase;
import org.openreferral.application.account.port.in.ListUsersUseCase;
import org.openreferral.application.account.port.in.LogOutUseCase;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase;
import org.openreferral.application.account.port.in.ResetPasswordUseCase;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.SubjectExistenceCache;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.account.service.AuthenticateUserService;
import org.openreferral.application.account.service.CreateInitialAdminService;
import org.openreferral.application.account.service.EmailScreening;
import org.openreferral.application.account.service.GetUserService;
import org.openreferral.application.account.service.ListUsersService;
import org.openreferral.application.account.service.LogOutService;
import org.openreferral.application.account.service.LoginLockout;
import org.openreferral.application.account.service.RefreshAccessTokenService;
import org.openreferral.application.account.service.RegisterUserService;
import org.openreferral.application.account.service.RequestPasswordResetService;
import org.openreferral.application.account.service.ResetPasswordService;
import org.openreferral.application.account.service.SessionTokens;
import org.openreferral.application.account.service.ValidateAccessTokenService;
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
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase;
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
    ReferralAttribution referralAttribution(UserRepository users, ReferralCodeRepository codes,
                                            ReferralRepository referrals, RewardLedger ledger, RewardPolicy rewards) {
        return new AttributeReferralService(users, codes, referrals, ledger, rewards);
    }

    @Produces
    @ApplicationScoped
    RegisterUserUseCase registerUser(UserRepository users, ReferralAttribution attribution, PasswordHasher hasher,
                                     EmailScreening screening, UnitOfWork unitOfWork, Clock clock) {
        return new RegisterUserService(users, attribution, hasher, screening, unitOfWork, clock);
    }

    @Produces
    @Singleton
    SessionTokens sessionTokens(TokenIssuer tokens, RefreshTokenRepository refreshTokens, TokenSecrets secrets,
            AccessTokenDenyList denyList, UnitOfWork unitOfWork, Clock clock,
            @ConfigProperty(name = "referral.refresh-token.lifetime", defaultValue = "P30D") Duration refreshLifetime,
            @ConfigProperty(name = "referral.jwt.access-token-lifetime", defaultValue = "PT15M") Duration accessLifetime,
            @ConfigProperty(name = "referral.jwt.clock-skew", defaultValue = "PT30S") Duration clockSkew) {
        return new SessionTokens(tokens, refreshTokens, secrets, denyList, unitOfWork,
                new SessionTokens.Policy(refreshLifetime, accessLifetime, clockSkew), clock);
    }

    @Produces
    @Singleton
    LoginLockout loginLockout(AttemptCounters counters, Clock clock,
            @ConfigProperty(name = "referral.login.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "referral.login.window", defaultValue = "PT15M") Duration window,
            @ConfigProperty(name = "referral.login.lockout", defaultValue = "PT15M") Duration lockout) {
        return new LoginLockout(counters, new LoginLockout.Policy(maxFailures, window, lockout), clock);
    }

    @Produces
    @ApplicationScoped
    AuthenticateUserUseCase authenticateUser(UserRepository users, PasswordHasher hasher, SessionTokens sessions,
                                             LoginLockout lockout, UnitOfWork unitOfWork) {
        return new AuthenticateUserService(users, hasher, sessions, lockout, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    RefreshAccessTokenUseCase refreshAccessToken(UserRepository users, RefreshTokenRepository refreshTokens,
                                                 SessionTokens sessions, UnitOfWork unitOfWork, Clock clock) {
        return new RefreshAccessTokenService(users, refreshTokens, sessions, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    LogOutUseCase logOut(RefreshTokenRepository refreshTokens, SessionTokens sessions, UnitOfWork unitOfWork,
                         Clock clock) {
        return new LogOutService(refreshTokens, sessions, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    ValidateAccessTokenUseCase validateAccessToken(AccessTokenDenyList denyList, UserRepository users,
            UnitOfWork unitOfWork, SubjectExistenceCache knownSubjects,
            @ConfigProperty(name = "referral.auth.subject-check-ttl", defaultValue = "PT30S") Duration subjectTtl) {
        return new ValidateAccessTokenService(denyList, users, unitOfWork, knownSubjects, subjectTtl);
    }

    @Produces
    @ApplicationScoped
    RequestPasswordResetUseCase requestPasswordReset(UserRepository users, PasswordResetTokenRepository resetTokens,
            TokenSecrets secrets, PasswordResetMailer mailer, UnitOfWork unitOfWork, Clock clock,
            @ConfigProperty(name = "referral.password-reset.lifetime", defaultValue = "PT30M") Duration lifetime) {
        return new RequestPasswordResetService(users, resetTokens, secrets, mailer, unitOfWork, lifetime, clock);
    }

    @Produces
    @ApplicationScoped
    ResetPasswordUseCase resetPassword(UserRepository users, PasswordResetTokenRepository resetTokens,
                                       RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                                       SessionTokens sessions, LoginLockout lockout, UnitOfWork unitOfWork,
                                       Clock clock) {
        return new ResetPasswordService(users, resetTokens, refreshTokens, hasher, sessions, lockout, unitOfWork,
                clock);
    }

    @Produces
    @ApplicationScoped
    CheckRateLimitUseCase checkRateLimit(AttemptCounters counters, Clock clock, Config config) {
        Map<RateLimitedAction, CheckRateLimitService.Limit> limits = new EnumMap<>(RateLimitedAction.class);
        if (config.getOptionalValue("referral.rate-limit.enabled", Boolean.class).orElse(true)) {
            CheckRateLimitService.defaultLimits().forEach((action, fallback) -> {
                String prefix = "referral.rate-limit." + action.slug() + ".";
                limits.put(action, new CheckRateLimitService.Limit(
                        config.getOptionalValue(prefix + "requests", Integer.class).orElse(fallback.requests()),
                        config.getOptionalValue(prefix + "window", Duration.class).orElse(fallback.window())));
            });
        }
        return new CheckRateLimitService(counters, limits, clock);
    }

    @Produces
    @ApplicationScoped
    ListUsersUseCase listUsers(UserRepository users, UnitOfWork unitOfWork) {
        return new ListUsersService(users, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    CreateInitialAdminUseCase createInitialAdmin(UserRepository users, PasswordHasher hasher, UnitOfWork unitOfWork,
                                                 Clock clock) {
        return new CreateInitialAdminService(users, hasher, unitOfWork, clock);
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
                                                 UnitOfWork unitOfWork, Clock clock) {
        return new LookupReferralCodeService(codes, cache, unitOfWork, clock);
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
