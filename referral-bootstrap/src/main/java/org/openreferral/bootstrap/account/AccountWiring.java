package org.openreferral.bootstrap.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.openreferral.adapter.security.MailChannel;
import org.openreferral.adapter.security.VerificationLinkMailer;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase;
import org.openreferral.application.account.port.in.GetUserUseCase;
import org.openreferral.application.account.port.in.ListUsersUseCase;
import org.openreferral.application.account.port.in.LogOutUseCase;
import org.openreferral.application.account.port.in.PullRevokedSessionsUseCase;
import org.openreferral.application.account.port.in.PurgeLoginThrottlesUseCase;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.account.port.in.RequestEmailVerificationUseCase;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase;
import org.openreferral.application.account.port.in.ResetPasswordUseCase;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase;
import org.openreferral.application.account.port.in.VerifyEmailUseCase;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.AccountEvents;
import org.openreferral.application.account.port.out.ClientSubjects;
import org.openreferral.application.account.port.out.DeviceTokens;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.account.port.out.EmailVerificationMailer;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.application.account.port.out.LoginThrottleStore;
import org.openreferral.application.account.port.out.PasswordChangedMailer;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.SecurityEventLog;
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
import org.openreferral.application.account.service.PullRevokedSessionsService;
import org.openreferral.application.account.service.PurgeLoginThrottlesService;
import org.openreferral.application.account.service.RefreshAccessTokenService;
import org.openreferral.application.account.service.RegisterUserService;
import org.openreferral.application.account.service.RequestEmailVerificationService;
import org.openreferral.application.account.service.RequestPasswordResetService;
import org.openreferral.application.account.service.ResetPasswordService;
import org.openreferral.application.account.service.SessionTokens;
import org.openreferral.application.account.service.ValidateAccessTokenService;
import org.openreferral.application.account.service.VerificationLinks;
import org.openreferral.application.account.service.VerifyEmailService;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Wires the account slice's use cases to the adapters; each producer's type is the in-port. Records and final
 * classes are {@code @Singleton}: a normal-scoped bean would need a proxy subclass.
 */
@ApplicationScoped
public class AccountWiring {

    @Produces
    @Singleton
    EmailScreening emailScreening(EmailVerifier verifier, EmailVerdictCache cache, AccountSettings settings) {
        AccountSettings.Email email = settings.email();
        return new EmailScreening(verifier, cache,
                new EmailScreening.Policy(email.failOpen(), email.finalVerdictTtl(), email.unknownVerdictTtl()));
    }

    @Produces
    @ApplicationScoped
    RegisterUserUseCase registerUser(UserRepository users, ReferralAttribution attribution, AccountEvents events,
                                     PasswordHasher hasher, EmailScreening screening,
                                     VerificationLinks verificationLinks, UnitOfWork unitOfWork, Clock clock,
                                     AccountMetrics metrics) {
        return metrics.registrations(new RegisterUserService(users, attribution, events, hasher, screening,
                verificationLinks, unitOfWork, clock));
    }

    @Produces
    @Singleton
    EmailVerificationMailer emailVerificationMailer(MailChannel channel, AccountSettings settings) {
        return new VerificationLinkMailer(channel, settings.emailVerification().linkBase());
    }

    @Produces
    @Singleton
    VerificationLinks verificationLinks(EmailVerificationTokenRepository tokens, TokenSecrets secrets,
                                        EmailVerificationMailer mailer, AccountSettings settings) {
        return new VerificationLinks(tokens, secrets, mailer, settings.emailVerification().lifetime());
    }

    @Produces
    @ApplicationScoped
    RequestEmailVerificationUseCase requestEmailVerification(UserRepository users,
                                                             EmailVerificationTokenRepository tokens,
                                                             VerificationLinks links, UnitOfWork unitOfWork,
                                                             Clock clock, AccountSettings settings) {
        AccountSettings.EmailVerification verification = settings.emailVerification();
        return new RequestEmailVerificationService(users, tokens, links, unitOfWork,
                new RequestEmailVerificationService.Policy(verification.resendLimit(), verification.resendWindow()),
                clock);
    }

    @Produces
    @ApplicationScoped
    VerifyEmailUseCase verifyEmail(UserRepository users, EmailVerificationTokenRepository tokens,
                                   TokenSecrets secrets, ReferralAttribution attribution, AccountEvents events,
                                   UnitOfWork unitOfWork, Clock clock) {
        return new VerifyEmailService(users, tokens, secrets, attribution, events, unitOfWork, clock);
    }

    @Produces
    @Singleton
    SessionTokens sessionTokens(TokenIssuer tokens, UserRepository users, RefreshTokenRepository refreshTokens,
                                TokenSecrets secrets, AccessTokenDenyList denyList, UnitOfWork unitOfWork, Clock clock,
                                AccountSettings settings) {
        return new SessionTokens(tokens, users, refreshTokens, secrets, denyList, unitOfWork,
                new SessionTokens.Policy(settings.refreshToken().lifetime()), clock);
    }

    @Produces
    @Singleton
    LoginLockout loginLockout(LoginThrottleStore store, UnitOfWork unitOfWork, SecurityEventLog securityLog,
                              Clock clock, AccountSettings settings) {
        AccountSettings.Login login = settings.login();
        return new LoginLockout(store, unitOfWork, new LoginLockout.Policy(login.maxFailures(), login.window(),
                login.firstLockout(), login.lockout(), login.accountMaxFailures(), login.accountWindow()),
                securityLog, clock);
    }

    @Produces
    @ApplicationScoped
    AuthenticateUserUseCase authenticateUser(UserRepository users, PasswordHasher hasher, SessionTokens sessions,
                                             LoginLockout lockout, DeviceTokens devices, UnitOfWork unitOfWork,
                                             Clock clock, AccountSettings settings, AccountMetrics metrics) {
        return metrics.logins(new AuthenticateUserService(users, hasher, sessions, lockout, devices,
                settings.login().deviceLifetime(), unitOfWork, clock));
    }

    @Produces
    @ApplicationScoped
    PurgeLoginThrottlesUseCase purgeLoginThrottles(LoginThrottleStore store, UnitOfWork unitOfWork, Clock clock) {
        return new PurgeLoginThrottlesService(store, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    RefreshAccessTokenUseCase refreshAccessToken(UserRepository users, RefreshTokenRepository refreshTokens,
                                                 SessionTokens sessions, UnitOfWork unitOfWork,
                                                 SecurityEventLog securityLog, AccountSettings settings, Clock clock) {
        return new RefreshAccessTokenService(users, refreshTokens, sessions, unitOfWork,
                settings.auth().sessionMaxLifetime(), securityLog, clock);
    }

    @Produces
    @ApplicationScoped
    LogOutUseCase logOut(UserRepository users, RefreshTokenRepository refreshTokens, SessionTokens sessions,
                         UnitOfWork unitOfWork, Clock clock) {
        return new LogOutService(users, refreshTokens, sessions, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    PullRevokedSessionsUseCase pullRevokedSessions(SessionTokens sessions) {
        return new PullRevokedSessionsService(sessions);
    }

    @Produces
    @ApplicationScoped
    ValidateAccessTokenUseCase validateAccessToken(SessionTokens sessions, UserRepository users,
                                                   UnitOfWork unitOfWork, SubjectExistenceCache knownSubjects,
                                                   ClientSubjects clients, AccountSettings settings) {
        return new ValidateAccessTokenService(sessions, users, unitOfWork, knownSubjects,
                settings.auth().subjectCheckTtl(), clients);
    }

    @Produces
    @ApplicationScoped
    RequestPasswordResetUseCase requestPasswordReset(UserRepository users, PasswordResetTokenRepository resetTokens,
                                                     TokenSecrets secrets, PasswordResetMailer mailer,
                                                     UnitOfWork unitOfWork, SecurityEventLog securityLog, Clock clock,
                                                     AccountSettings settings) {
        return new RequestPasswordResetService(users, resetTokens, secrets, mailer, unitOfWork,
                settings.passwordReset().lifetime(), new RequestPasswordResetService.MailLimit(
                        settings.passwordReset().mailLimit(), settings.passwordReset().mailWindow()), securityLog,
                clock);
    }

    @Produces
    @ApplicationScoped
    ResetPasswordUseCase resetPassword(UserRepository users, PasswordResetTokenRepository resetTokens,
                                       RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                                       SessionTokens sessions, LoginLockout lockout, PasswordChangedMailer notices,
                                       SecurityEventLog securityLog, UnitOfWork unitOfWork, Clock clock) {
        return new ResetPasswordService(users, resetTokens, refreshTokens, hasher, sessions, lockout, notices,
                securityLog, unitOfWork, clock);
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
}
