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
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
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
