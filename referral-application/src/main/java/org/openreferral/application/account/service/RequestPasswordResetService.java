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
 * exceed the limit; beyond it the answer is the same and nothing is stored or sent.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final TokenSecrets secrets;
    private final PasswordResetMailer mailer;
    private final UnitOfWork unitOfWork;
    private final Duration lifetime;
    private final MailLimit mailLimit;
    private final Clock clock;

    public RequestPasswordResetService(UserRepository users, PasswordResetTokenRepository resetTokens,
                                       TokenSecrets secrets, PasswordResetMailer mailer, UnitOfWork unitOfWork,
                                       Duration lifetime, MailLimit mailLimit, Clock clock) {
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
        this.clock = clock;
    }

    @Override
    public void request(RequestPasswordResetCommand command) {
        Email email = command.email();
        Secret secret = secrets.newSecret();
        Optional<Email> recipient = unitOfWork.inTransaction(() -> {
            Optional<User> user = users.findByEmail(email).flatMap(found -> users.findByIdForUpdate(found.id()));
            if (user.isEmpty()) {
                return Optional.<Email>empty();
            }
            Instant now = clock.instant();
            if (resetTokens.countIssuedAfter(user.get().id(), now.minus(mailLimit.window())) >= mailLimit.maxMails()) {
                return Optional.<Email>empty();
            }
            resetTokens.add(SingleUseToken.issue(UUID.randomUUID(), user.get().id(), secret.digest(), now,
                    lifetime));
            return Optional.of(user.get().email());
        });
        // After commit, so that the link works by the time it arrives.
        recipient.ifPresent(address -> mailer.sendResetLink(address, secret.value(), lifetime));
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
