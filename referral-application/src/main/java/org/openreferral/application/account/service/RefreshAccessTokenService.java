package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * The refresh grant with rotation. The owner's sessions and then the presented token's row are locked, so of two
 * concurrent uses one rotates and the other finds it rotated, and a logout or reset racing the rotation either
 * comes first (the token is refused as revoked) or revokes the successor as well. A rotated token presented again
 * can only be a copy: the whole session is revoked, its access tokens included, and the answer is the same
 * {@code invalid-grant} as for an unknown, expired or revoked token; the reuse is an entry of the security event log.
 * A session lives at most {@code sessionMaxLifetime} from its login, however often it is refreshed: its last token
 * expires then, and a refresh at or past that moment is refused like an expired token.
 */
public final class RefreshAccessTokenService implements RefreshAccessTokenUseCase {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final SessionTokens sessions;
    private final UnitOfWork unitOfWork;
    private final Duration sessionMaxLifetime;
    private final SecurityEventLog securityLog;
    private final Clock clock;

    public RefreshAccessTokenService(UserRepository users, RefreshTokenRepository refreshTokens,
                                     SessionTokens sessions, UnitOfWork unitOfWork, Duration sessionMaxLifetime,
                                     SecurityEventLog securityLog, Clock clock) {
        if (sessionMaxLifetime.isNegative() || sessionMaxLifetime.isZero()) {
            throw new IllegalArgumentException("the session's maximum lifetime must be positive");
        }
        this.sessionMaxLifetime = sessionMaxLifetime;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    @Override
    public IssuedTokens refresh(RefreshAccessTokenCommand command) {
        String digest = sessions.secrets().digestOf(command.refreshToken());
        Secret successorSecret = sessions.secrets().newSecret();
        // The outcome leaves the transaction as a value: a detected reuse must commit its revocation
        // and still be refused.
        Outcome outcome = unitOfWork.inTransaction(() -> rotate(digest, successorSecret));
        if (outcome.revokedSession() != null) {
            sessions.refuseAccessTokensOf(List.of(outcome.revokedSession()));
            securityLog.record(SecurityEvent.refreshTokenReused(outcome.owner(), outcome.revokedSession()));
        }
        if (outcome.user() == null) {
            throw AuthenticationFailedException.invalidGrant();
        }
        return sessions.tokensFor(outcome.user(), outcome.session(), successorSecret);
    }

    private Outcome rotate(String digest, Secret successorSecret) {
        Optional<UserId> owner = refreshTokens.ownerOf(digest);
        if (owner.isEmpty()) {
            return Outcome.REFUSED;
        }
        // The owner's session lock before the token's row lock, the order of logout and reset: a revocation that
        // committed first is seen below (the token is read after the lock), and one that waits for this rotation
        // sees its successor and revokes it too, so no live successor outlives a revocation.
        users.lockSessions(owner.get());
        Optional<RefreshToken> found = refreshTokens.findByDigestForUpdate(digest);
        if (found.isEmpty()) {
            return Outcome.REFUSED;
        }
        RefreshToken token = found.get();
        Instant now = clock.instant();
        switch (token.presentedAt(now)) {
            case REUSED -> {
                refreshTokens.revokeSession(token.session(), token.user(), now);
                return new Outcome(null, null, token.session(), token.user());
            }
            case REVOKED, EXPIRED -> {
                return Outcome.REFUSED;
            }
            case USABLE -> {
                Instant end = refreshTokens.sessionStartedAt(token.session()).orElse(token.createdAt())
                        .plus(sessionMaxLifetime);
                if (!now.isBefore(end)) {
                    return Outcome.REFUSED;
                }
                Optional<User> user = users.findById(token.user());
                if (user.isEmpty()) {
                    refreshTokens.revokeSession(token.session(), token.user(), now);
                    return Outcome.REFUSED;
                }
                Duration untilEnd = Duration.between(now, end);
                Duration lifetime = sessions.policy().refreshTokenLifetime().compareTo(untilEnd) < 0
                        ? sessions.policy().refreshTokenLifetime() : untilEnd;
                RefreshToken successor = token.rotate(UUID.randomUUID(), successorSecret.digest(), now, lifetime);
                refreshTokens.update(token);
                refreshTokens.add(successor);
                return new Outcome(user.get(), token.session(), null, null);
            }
            default -> throw new IllegalStateException("unknown presentation");
        }
    }

    /** Granted (user and session set), or refused, possibly after revoking a reused token's session of owner. */
    private record Outcome(User user, SessionId session, SessionId revokedSession, UserId owner) {
        static final Outcome REFUSED = new Outcome(null, null, null, null);
    }
}
