package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

/**
 * Opens and ends login sessions: a session is a family of refresh tokens, and every access token names
 * the session it belongs to, so that ending a session also refuses its access tokens until they expire.
 */
public final class SessionTokens {

    /**
     * How long refresh tokens live, how long access tokens live, and the clock skew the verifier
     * tolerates: an access token is accepted for at most its lifetime plus that skew.
     */
    public record Policy(Duration refreshTokenLifetime, Duration accessTokenLifetime, Duration clockSkew) {

        public Policy {
            requirePositive("refreshTokenLifetime", refreshTokenLifetime);
            requirePositive("accessTokenLifetime", accessTokenLifetime);
            Objects.requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("clockSkew must not be negative");
            }
        }

        public static Policy defaults() {
            return new Policy(Duration.ofDays(30), Duration.ofMinutes(15), Duration.ofSeconds(30));
        }

        /** The longest time any access token is accepted. */
        public Duration accessTokenValidity() {
            return accessTokenLifetime.plus(clockSkew);
        }

        private static void requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    private final TokenIssuer accessTokens;
    private final RefreshTokenRepository refreshTokens;
    private final TokenSecrets secrets;
    private final AccessTokenDenyList denyList;
    private final UnitOfWork unitOfWork;
    private final Policy policy;
    private final Clock clock;

    public SessionTokens(TokenIssuer accessTokens, RefreshTokenRepository refreshTokens, TokenSecrets secrets,
                         AccessTokenDenyList denyList, UnitOfWork unitOfWork, Policy policy, Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.secrets = secrets;
        this.denyList = denyList;
        this.unitOfWork = unitOfWork;
        this.policy = policy;
        this.clock = clock;
    }

    /** A new session for a user who just proved who they are: its first refresh token and an access token. */
    public IssuedTokens open(User user) {
        SessionId session = SessionId.newId();
        Secret secret = secrets.newSecret();
        RefreshToken first = RefreshToken.issue(UUID.randomUUID(), session, user.id(), secret.digest(),
                clock.instant(), policy.refreshTokenLifetime());
        unitOfWork.inTransaction(() -> {
            refreshTokens.add(first);
            return null;
        });
        return tokensFor(user, session, secret);
    }

    /** Refuses, until they expire, the access tokens already handed out for these (now revoked) sessions. */
    public void refuseAccessTokensOf(Collection<SessionId> sessions) {
        sessions.forEach(session -> denyList.deny(sessionEntry(session), policy.accessTokenValidity()));
    }

    /** Refuses one access token for {@code ttl}, but never longer than any access token is accepted. */
    void refuseAccessToken(String tokenId, Duration ttl) {
        Duration capped = ttl.compareTo(policy.accessTokenValidity()) > 0 ? policy.accessTokenValidity() : ttl;
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

    IssuedTokens tokensFor(User user, SessionId session, Secret refreshSecret) {
        TokenIssuer.AccessToken access = accessTokens.issue(user, session);
        return new IssuedTokens(access.value(), access.lifetime(), refreshSecret.value());
    }
}
