package org.openreferral.application.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase.AuthenticateUserCommand;
import org.openreferral.application.account.port.out.AccountEvents;
import org.openreferral.application.account.service.AuthenticateUserService;
import org.openreferral.application.account.service.LoginLockout;
import org.openreferral.application.account.service.SessionTokens;
import org.openreferral.application.account.service.VerificationLinks;
import org.openreferral.application.integration.service.AccountEventsService;
import org.openreferral.application.integration.service.ReferralEventsService;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.service.AttributeReferralService;
import org.openreferral.application.referral.service.RewardReferrals;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.FraudRules;
import org.openreferral.domain.model.referral.QualifyingCondition;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.referral.RewardCaps;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.PresentedPassword;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/** Every fake out-port, wired to one clock and one unit of work, with helpers to seed state directly. */
public final class Fixture {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    public static final String PASSWORD = "correct horse battery";
    public static final Duration VERIFICATION_LIFETIME = Duration.ofDays(2);
    public static final Duration DEVICE_LIFETIME = Duration.ofDays(90);

    public final MutableClock clock = new MutableClock(START);
    public final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    public final InMemoryUserRepository users = new InMemoryUserRepository(unitOfWork);
    public final InMemoryReferralCodeRepository codes = new InMemoryReferralCodeRepository(unitOfWork, users);
    public final InMemoryReferralRepository referrals = new InMemoryReferralRepository(unitOfWork, users, codes);
    public final InMemoryRewardLedger ledger = new InMemoryRewardLedger(unitOfWork);
    public final FakeAttemptCounters counters = new FakeAttemptCounters();
    public final FakeReferralCodeCache codeCache = new FakeReferralCodeCache(clock, unitOfWork, counters);
    public final FakeEmailVerdictCache verdictCache = new FakeEmailVerdictCache(clock);
    public final FakeEmailVerifier verifier = new FakeEmailVerifier(unitOfWork);
    public final FakePasswordHasher hasher = new FakePasswordHasher(unitOfWork);
    public final FakeTokenIssuer tokens = new FakeTokenIssuer();
    public final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository(unitOfWork);
    public final InMemoryPasswordResetTokenRepository resetTokens = new InMemoryPasswordResetTokenRepository(unitOfWork);
    public final FakeTokenSecrets secrets = new FakeTokenSecrets();
    public final InMemoryClientRepository clients = new InMemoryClientRepository(unitOfWork);
    public final InMemoryEventOutbox events = new InMemoryEventOutbox(unitOfWork);
    /** The slices' event ports as wired in production: into the (in-memory) outbox, where tests read them. */
    public final AccountEvents accountEvents = new AccountEventsService(events);
    public final ReferralEvents referralEvents = new ReferralEventsService(events, referrals);
    public final FakeAccessTokenDenyList denyList = new FakeAccessTokenDenyList(clock);
    public final FakePasswordResetMailer mailer = new FakePasswordResetMailer(unitOfWork);
    public final InMemoryEmailVerificationTokenRepository verificationTokens =
            new InMemoryEmailVerificationTokenRepository(unitOfWork);
    public final FakeEmailVerificationMailer verificationMailer = new FakeEmailVerificationMailer(unitOfWork);
    public final VerificationLinks verificationLinks = new VerificationLinks(verificationTokens, secrets,
            verificationMailer, VERIFICATION_LIFETIME);
    public final SessionTokens sessions = new SessionTokens(tokens, users, refreshTokens, secrets, denyList,
            unitOfWork, SessionTokens.Policy.defaults(), clock);
    public final RecordingSecurityEventLog securityLog = new RecordingSecurityEventLog();
    public final FakePasswordChangedMailer passwordChangedMailer = new FakePasswordChangedMailer(unitOfWork);
    public final InMemoryLoginThrottleStore loginThrottles = new InMemoryLoginThrottleStore(unitOfWork);
    public final FakeDeviceTokens deviceTokens = new FakeDeviceTokens();
    public final LoginLockout lockout = new LoginLockout(loginThrottles, unitOfWork, LoginLockout.Policy.defaults(),
            securityLog, clock);

    /** The password grant over these fakes, with the default lockout policy and device tokens living 90 days. */
    public AuthenticateUserService authentication() {
        return new AuthenticateUserService(users, hasher, sessions, lockout, deviceTokens, DEVICE_LIFETIME, unitOfWork,
                clock);
    }

    /** A user created now, whose password is {@link #PASSWORD}. */
    public User user(String username, String email) {
        return store(username, email, Set.of(), null);
    }

    public User admin(String username, String email) {
        return store(username, email, Set.of(Role.ADMIN), null);
    }

    public final FakeClientNetworks networks = new FakeClientNetworks();

    /** Rewards with {@code policy}, no caps and no hold. */
    public RewardReferrals rewarding(RewardPolicy policy) {
        return rewarding(policy, RewardCaps.none(), Duration.ZERO);
    }

    public RewardReferrals rewarding(RewardPolicy policy, RewardCaps caps, Duration hold) {
        return new RewardReferrals(referrals, ledger, referralEvents, policy, caps, hold);
    }

    /** The referral slice's side of registration with default fraud rules, qualifying on {@code condition}. */
    public AttributeReferralService attribution(RewardPolicy policy, QualifyingCondition condition) {
        return new AttributeReferralService(users, codes, referrals, rewarding(policy), referralEvents, networks,
                FraudRules.defaults(), condition);
    }

    /** An active code of {@code owner}, created now and living for {@code ttl}; overdue codes are marked expired. */
    public ReferralCode code(User owner, String value, Duration ttl) {
        ReferralCode code = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(value), owner.id(),
                clock.instant().plus(ttl), CodePolicy.defaults(), clock.instant());
        unitOfWork.seed(() -> {
            codes.expireOverdue(owner.id(), clock.instant());
            codes.add(code);
        });
        return code;
    }

    /** A code stored as revoked now. */
    public ReferralCode revokedCode(User owner, String value, Duration ttl) {
        ReferralCode code = ReferralCode.issue(ReferralCodeId.newId(), new CodeValue(value), owner.id(),
                clock.instant().plus(ttl), CodePolicy.defaults(), clock.instant());
        code.revoke(clock.instant());
        unitOfWork.seed(() -> codes.add(code));
        return code;
    }

    /** A new user who registered now with {@code code}, the referral REWARDED with the default rewards booked. */
    public User referee(ReferralCode code, String username, String email) {
        User referee = store(username, email, Set.of(), code.owner());
        Referral referral = pending(code, referee);
        referral.qualify(null, clock.instant());
        List<RewardEntry> credits = referral.reward(RewardPolicy.defaults(), false, clock.instant());
        unitOfWork.seed(() -> {
            referrals.add(referral, new ReferralRepository.Origin(referee.email(), Optional.empty()));
            ledger.append(credits);
        });
        return referee;
    }

    /** The password grant's command for a login and a password as typed. */
    public static AuthenticateUserCommand credentials(String login, String password) {
        return new AuthenticateUserCommand(new LoginName(login), new PresentedPassword(password));
    }

    /** A new user who registered now with {@code code}: their referral, as stored, PENDING. */
    public Referral pendingReferral(ReferralCode code, String username, String email) {
        User referee = store(username, email, Set.of(), code.owner());
        Referral referral = pending(code, referee);
        unitOfWork.seed(() -> referrals.add(referral, new ReferralRepository.Origin(referee.email(), Optional.empty())));
        return referral;
    }

    /** Stores a change to a seeded referral, as a use case's transaction would. */
    public Referral change(Referral referral, java.util.function.Consumer<Referral> transition) {
        transition.accept(referral);
        unitOfWork.seed(() -> referrals.update(referral));
        return referral;
    }

    // Seeded as stored, whatever the code's state now: tests list referrals of codes revoked since.
    private Referral pending(ReferralCode code, User referee) {
        return Referral.reconstitute(ReferralId.newId(), code.owner(), referee.id(), code.id(), clock.instant(),
                ReferralStatus.PENDING, null, 0, null, null, null, null);
    }

    public static Caller callerOf(User user) {
        return new Caller(user.id(), user.isAdmin());
    }

    private User store(String username, String email, Set<Role> roles, UserId referredBy) {
        User user = User.register(UserId.newId(), new Username(username), new Email(email), null,
                FakePasswordHasher.hashOf(PASSWORD), roles, referredBy, clock.instant());
        unitOfWork.seed(() -> users.add(user));
        return user;
    }
}
