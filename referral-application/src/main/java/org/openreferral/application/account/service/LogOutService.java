package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openreferral.application.account.port.in.LogOutUseCase;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.session.SessionId;

/**
 * Logout: revokes the refresh tokens of the caller's session and refuses the presented access token,
 * and every other access token of that session, until they would have expired. The revocation runs under the
 * caller's session lock, so a refresh of the session in flight either finds it revoked or has committed a successor
 * that the revocation then sees and revokes too.
 */
public final class LogOutService implements LogOutUseCase {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final SessionTokens sessions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public LogOutService(UserRepository users, RefreshTokenRepository refreshTokens, SessionTokens sessions,
                         UnitOfWork unitOfWork, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void logOut(LogOutCommand command) {
        Instant now = clock.instant();
        SessionId session = command.sessionId();
        if (session != null) {
            unitOfWork.inTransaction(() -> {
                users.lockSessions(command.caller().id());
                return refreshTokens.revokeSession(session, command.caller().id(), now);
            });
            sessions.refuseAccessTokensOf(List.of(session));
        }
        // As long as the token would be accepted: its remaining life plus the verifier's clock skew.
        Duration remaining = Duration.between(now, command.tokenExpiresAt());
        Duration ttl = (remaining.isNegative() ? Duration.ZERO : remaining).plus(sessions.clockSkew())
                .plusSeconds(1);
        sessions.refuseAccessToken(command.tokenId(), ttl);
    }
}
