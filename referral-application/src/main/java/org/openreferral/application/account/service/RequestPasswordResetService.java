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
 * happens. Either way the caller gets the same answer, after the same single database round trip.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final TokenSecrets secrets;
    private final PasswordResetMailer mailer;
    private final UnitOfWork unitOfWork;
    private final Duration lifetime;
    private final Clock clock;

    public RequestPasswordResetService(UserRepository users, PasswordResetTokenRepository resetTokens,
                                       TokenSecrets secrets, PasswordResetMailer mailer, UnitOfWork unitOfWork,
                                       Duration lifetime, Clock clock) {
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
        this.clock = clock;
    }

    @Override
    public void request(RequestPasswordResetCommand command) {
        Email email = command.email();
        Secret secret = secrets.newSecret();
        Optional<Email> recipient = unitOfWork.inTransaction(() -> {
            Optional<User> user = users.findByEmail(email);
            if (user.isEmpty()) {
                return Optional.<Email>empty();
            }
            Instant now = clock.instant();
            resetTokens.add(SingleUseToken.issue(UUID.randomUUID(), user.get().id(), secret.digest(), now,
                    lifetime));
            return Optional.of(user.get().email());
        });
        // After commit, so that the link works by the time it arrives.
        recipient.ifPresent(address -> mailer.sendResetLink(address, secret.value(), lifetime));
    }
}
