package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.openreferral.application.account.port.in.ResetPasswordUseCase;
import org.openreferral.application.account.port.out.PasswordChangedMailer;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * Sets a new password with a reset token. The token is checked before the slow hash (a bogus token costs
 * no hashing), then spent under a row lock in the transaction that changes the password, so it works
 * exactly once. Every other reset token of the user dies, every session ends (refresh tokens revoked,
 * their access tokens refused, the session epoch raised, so a login that checked the old password meanwhile opens
 * none) and an ongoing login lockout is lifted. After commit the owner is mailed a "your
 * password was changed" notice (a change they did not make must not go unnoticed), and the reset is an entry of the
 * security event log.
 */
public final class ResetPasswordService implements ResetPasswordUseCase {

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final LoginLockout lockout;
    private final PasswordChangedMailer notices;
    private final SecurityEventLog securityLog;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ResetPasswordService(UserRepository users, PasswordResetTokenRepository resetTokens,
                                RefreshTokenRepository refreshTokens, PasswordHasher hasher, SessionTokens sessions,
                                LoginLockout lockout, PasswordChangedMailer notices, SecurityEventLog securityLog,
                                UnitOfWork unitOfWork, Clock clock) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.sessions = sessions;
        this.lockout = lockout;
        this.notices = notices;
        this.securityLog = securityLog;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void reset(ResetPasswordCommand command) {
        String digest = sessions.secrets().digestOf(command.token());
        UserId owner = unitOfWork.reading(() -> resetTokens.findByDigest(digest, false))
                .filter(found -> found.isUsableAt(clock.instant()))
                .orElseThrow(InvalidTokenException::resetToken)
                .user();
        PasswordHash hash = hasher.hash(command.newPassword().value());

        Reset reset = unitOfWork.inTransaction(() -> {
            // The owner's sessions are locked first (the order every session-changing transaction takes), so a
            // login or a refresh in flight either commits before and is revoked here, or sees the raised epoch.
            users.lockSessions(owner);
            Instant now = clock.instant();
            SingleUseToken locked = SingleUseTokens.spend(resetTokens, digest, now, InvalidTokenException::resetToken);
            User user = users.findById(locked.user()).orElseThrow(InvalidTokenException::resetToken);
            user.changePassword(hash);
            users.update(user);
            users.advanceSessionEpoch(user.id());
            return new Reset(user, refreshTokens.revokeAllOf(user.id(), now), now);
        });
        sessions.refuseAccessTokensOf(reset.endedSessions());
        lockout.clear(reset.user().id());
        securityLog.record(SecurityEvent.passwordResetCompleted(reset.user().id(), reset.endedSessions().size()));
        notices.sendPasswordChangedNotice(reset.user().email(), reset.at());
    }

    private record Reset(User user, Set<SessionId> endedSessions, Instant at) {
    }
}
