package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.AccessTokenDenyList.Verdict;
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
 * the session it belongs to, so that ending a session also refuses its access tokens until they expire. The revoked
 * sessions in the database are the source of truth; the deny-list is a cache of them that answers alone while it is
 * healthy and complete.
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

    /**
     * Whether an access token with this id and session was refused. The deny-list answers (one round trip); when it
     * cannot (unreachable, slow, or it may lack denials), the database does: a token of a revoked session is refused,
     * and an unreachable database is a {@code ServiceUnavailableException}, never an acceptance. A deny-list that may
     * lack denials is then filled again from the database.
     */
    boolean isRefused(String tokenId, SessionId session) {
        List<String> entries = new ArrayList<>(2);
        if (tokenId != null) {
            entries.add(tokenEntry(tokenId));
        }
        if (session != null) {
            entries.add(sessionEntry(session));
        }
        if (entries.isEmpty()) {
            return false;
        }
        Verdict verdict = denyList.check(entries);
        if (verdict != Verdict.UNKNOWN) {
            return verdict == Verdict.DENIED;
        }
        // A token without a session is refused only by its own entry, which the database does not keep (accepted
        // risk, ADR 0004): the instance that denied it still refuses it from its local copy.
        boolean revoked = session != null && unitOfWork.reading(() -> refreshTokens.isSessionRevoked(session));
        denyList.refillIfDue(this::unexpiredDenials);
        return revoked;
    }

    /**
     * Denies every session revoked recently enough for its access tokens to be still around, for the rest of that
     * time: how an instance whose deny-list is its own learns of the other instances' revocations.
     */
    void refuseRecentlyRevokedSessions() {
        unexpiredDenials().forEach(denyList::deny);
    }

    /** The deny-list entries of the sessions revoked recently enough for their access tokens to be still around. */
    private Map<String, Duration> unexpiredDenials() {
        Instant now = clock.instant();
        Duration window = accessTokens.longestValidity();
        Map<SessionId, Instant> revoked =
                unitOfWork.reading(() -> refreshTokens.sessionsRevokedSince(now.minus(window)));
        Map<String, Duration> unexpired = new LinkedHashMap<>();
        revoked.forEach((session, at) -> {
            Duration left = Duration.between(now, at.plus(window));
            if (left.compareTo(Duration.ZERO) > 0) {
                unexpired.put(sessionEntry(session), left);
            }
        });
        return unexpired;
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
