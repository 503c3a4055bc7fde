package org.openreferral.application.account.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.openreferral.application.account.port.out.EmailVerificationMailer;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository.Issue;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/**
 * Email verification links, in two steps: {@link #issue} stores a single-use token (its digest only) inside the
 * caller's transaction, {@link #send} hands the link to the mailer after commit, so that it works when it arrives.
 */
public final class VerificationLinks {

    private final EmailVerificationTokenRepository tokens;
    private final TokenSecrets secrets;
    private final EmailVerificationMailer mailer;
    private final Duration lifetime;

    public VerificationLinks(EmailVerificationTokenRepository tokens, TokenSecrets secrets,
                             EmailVerificationMailer mailer, Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the verification token lifetime must be positive");
        }
        this.tokens = tokens;
        this.secrets = secrets;
        this.mailer = mailer;
        this.lifetime = lifetime;
    }

    /** Stores a new token for the user; call inside a transaction and {@link #send} the result after commit. */
    Unsent issue(UserId user, Email recipient, Issue issue, Instant now) {
        Secret secret = secrets.newSecret();
        tokens.add(SingleUseToken.issue(UUID.randomUUID(), user, secret.digest(), now, lifetime), issue);
        return new Unsent(recipient, secret);
    }

    /** Hands a committed link to the mailer, which delivers in the background. */
    void send(Unsent link) {
        mailer.sendVerificationLink(link.recipient(), link.secret().value(), lifetime);
    }

    /** A stored link that is still to be mailed. */
    record Unsent(Email recipient, Secret secret) {
    }
}
