package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEvent.ResetOutcome;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;

/**
 * Starts a password reset. For an existing account a single-use token is stored (its digest only) and
 * the link is handed to the mailer, which delivers in the background; for an unknown address nothing
 * happens. Either way the caller gets the same answer, after the same single database round trip. An account
 * gets at most {@link MailLimit#maxMails()} links within any {@link MailLimit#window()}, whatever the client
 * address: its row is locked while the links issued within the window are counted, so concurrent requests cannot
 * exceed the limit; beyond it the answer is the same and nothing is stored or sent. Every request is an entry of the
 * security event log (the user's id, or the masked address when no account has it).
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final TokenSecrets secrets;
    private final PasswordResetMailer mailer;
    private final UnitOfWork unitOfWork;
    private final Duration lifetime;
    private final MailLimit mailLimit;
    private final SecurityEventLog securityLog;
    private final Clock clock;

    public RequestPasswordResetService(UserRepository users, PasswordResetTokenRepository resetTokens,
                                       TokenSecrets secrets, PasswordResetMailer mailer, UnitOfWork unitOfWork,
                                       Duration lifetime, MailLimit mailLimit, SecurityEventLog securityLog,
                                       Clock clock) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the reset token lifetime must be positive");
        }
        this.users = users;
        this.resetTokens = resetTokens;
        this.secrets = secrets;
        this.mailer = mailer;
        this.unitOfWork = unitOfWork;
        this.lifetime = lifetime;
        this.mailLimit = Objects.requireNonNull(mailLimit, "mailLimit");
        this.securityLog = securityLog;
        this.clock = clock;
    }

    @Override
    public void request(RequestPasswordResetCommand command) {
        Email email = command.email();
        Secret secret = secrets.newSecret();
        Outcome outcome = unitOfWork.inTransaction(() -> {
            Optional<User> user = users.findByEmail(email).flatMap(found -> users.findByIdForUpdate(found.id()));
            if (user.isEmpty()) {
                return new Outcome(null, ResetOutcome.UNKNOWN_ACCOUNT);
            }
            Instant now = clock.instant();
            if (resetTokens.countIssuedAfter(user.get().id(), now.minus(mailLimit.window())) >= mailLimit.maxMails()) {
                return new Outcome(user.get(), ResetOutcome.MAIL_LIMIT_REACHED);
            }
            resetTokens.add(SingleUseToken.issue(UUID.randomUUID(), user.get().id(), secret.digest(), now,
                    lifetime));
            return new Outcome(user.get(), ResetOutcome.MAILED);
        });
        if (outcome.user() == null) {
            securityLog.record(SecurityEvent.passwordResetRequestedForUnknownAddress(email));
            return;
        }
        securityLog.record(SecurityEvent.passwordResetRequested(outcome.user().id(), outcome.result()));
        if (outcome.result() == ResetOutcome.MAILED) {
            // After commit, so that the link works by the time it arrives.
            mailer.sendResetLink(outcome.user().email(), secret.value(), lifetime);
        }
    }

    /** The account the request named (null when none has the address), and what became of the request. */
    private record Outcome(User user, ResetOutcome result) {
    }

    /** At most {@code maxMails} reset links per account within any {@code window}. */
    public record MailLimit(int maxMails, Duration window) {

        public MailLimit {
            if (maxMails < 0) {
                throw new IllegalArgumentException("maxMails must not be negative");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
        }
    }
}
