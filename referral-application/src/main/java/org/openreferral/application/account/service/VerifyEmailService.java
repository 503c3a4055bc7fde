package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Instant;
import org.openreferral.application.account.port.in.VerifyEmailUseCase;
import org.openreferral.application.account.port.out.AccountEvents;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.User;

/**
 * Confirms a user's email with a verification token. In one transaction the token is spent under a row lock (so it
 * works once), the user's other verification tokens die, the user is marked verified, {@code user.email_verified} is
 * appended and the referral slice hears of it ({@link ReferralAttribution#emailVerified}), so a referral that waits
 * for it qualifies with the same commit.
 */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private final UserRepository users;
    private final EmailVerificationTokenRepository tokens;
    private final TokenSecrets secrets;
    private final ReferralAttribution attribution;
    private final AccountEvents events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public VerifyEmailService(UserRepository users, EmailVerificationTokenRepository tokens, TokenSecrets secrets,
                              ReferralAttribution attribution, AccountEvents events, UnitOfWork unitOfWork,
                              Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.secrets = secrets;
        this.attribution = attribution;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void verify(VerifyEmailCommand command) {
        String digest = secrets.digestOf(command.token());
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            SingleUseToken token = SingleUseTokens.spend(tokens, digest, now, InvalidTokenException::verificationToken);
            User user = users.findByIdForUpdate(token.user()).orElseThrow(InvalidTokenException::verificationToken);
            if (user.verifyEmail()) {
                users.update(user);
                events.emailVerified(user, now);
                attribution.emailVerified(user.id(), now);
            }
            return null;
        });
    }
}
