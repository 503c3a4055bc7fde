package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

/**
 * Opens and ends login sessions: a session is a family of refresh tokens, and every access token names
 * the session it belongs to, so that ending a session also refuses its access tokens until they expire.
 */
public final class SessionTokens {

    /** How long refresh tokens live (access tokens: as long as the {@link TokenIssuer} says). */
    public record Policy(Duration refreshTokenLifetime) {

        public Policy {
            Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
            if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
                throw new IllegalArgumentException("refreshTokenLifetime must be positive");
            }
        }

        public static Policy defaults() {
            return new Policy(Duration.ofDays(30));
        }
    }

    private final TokenIssuer accessTokens;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final TokenSecrets secrets;
    private final AccessTokenDenyList denyList;
    private final UnitOfWork unitOfWork;
    private final Policy policy;
    private final Clock clock;

    public SessionTokens(TokenIssuer accessTokens, UserRepository users, RefreshTokenRepository refreshTokens,
                         TokenSecrets secrets, AccessTokenDenyList denyList, UnitOfWork unitOfWork, Policy policy,
                         Clock clock) {
        this.accessTokens = accessTokens;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.secrets = secrets;
        this.denyList = denyList;
        this.unitOfWork = unitOfWork;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * A new session for a user who just proved who they are against {@code user} as read before the check: its first
     * refresh token and an access token. Empty when the user's sessions were ended since that read (the session epoch
     * moved on, e.g. a password reset committed while the password was being checked) or the user is gone. The epoch
     * is compared under the user's session lock, so a reset either sees this session and ends it, or this session is
     * never opened.
     */
    public Optional<IssuedTokens> open(User user) {
        SessionId session = SessionId.newId();
        Secret secret = secrets.newSecret();
        RefreshToken first = RefreshToken.issue(UUID.randomUUID(), session, user.id(), secret.digest(),
                clock.instant(), policy.refreshTokenLifetime());
        boolean opened = unitOfWork.inTransaction(() -> {
            OptionalLong epoch = users.lockSessions(user.id());
            if (epoch.isEmpty() || epoch.getAsLong() != user.sessionEpoch()) {
                return false;
            }
            refreshTokens.add(first);
            return true;
        });
        return opened ? Optional.of(tokensFor(user, session, secret)) : Optional.empty();
    }

    /** Refuses, until they expire, the access tokens already handed out for these (now revoked) sessions. */
    public void refuseAccessTokensOf(Collection<SessionId> sessions) {
        sessions.forEach(session -> denyList.deny(sessionEntry(session), accessTokens.longestValidity()));
    }

    /** Refuses one access token for {@code ttl}, but never longer than any access token is accepted. */
    void refuseAccessToken(String tokenId, Duration ttl) {
        Duration longest = accessTokens.longestValidity();
        Duration capped = ttl.compareTo(longest) > 0 ? longest : ttl;
        denyList.deny(tokenEntry(tokenId), capped);
    }

    /** The deny-list entry that stands for every access token of a session. */
    static String sessionEntry(SessionId session) {
        return "sid:" + session.value();
    }

    /** The deny-list entry that stands for one access token. */
    static String tokenEntry(String tokenId) {
        return "jti:" + tokenId;
    }

    TokenSecrets secrets() {
        return secrets;
    }

    Policy policy() {
        return policy;
    }

    /** How far past its expiry an access token is still accepted. */
    Duration clockSkew() {
        return accessTokens.clockSkew();
    }

    IssuedTokens tokensFor(User user, SessionId session, Secret refreshSecret) {
        TokenIssuer.AccessToken access = accessTokens.issue(user, session);
        return new IssuedTokens(access.value(), access.lifetime(), refreshSecret.value());
    }
}
