package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.account.port.in.RequestEmailVerificationUseCase;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository.Issue;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.account.service.VerificationLinks.Unsent;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.user.User;

/**
 * Mails a user a new verification link. The user's row is locked while the links they asked for within the window
 * are counted and the new one is stored, so concurrent requests cannot exceed the limit; the link issued at
 * registration does not count. A verified user, or one over the limit, gets no mail and the same answer.
 */
public final class RequestEmailVerificationService implements RequestEmailVerificationUseCase {

    private final UserRepository users;
    private final EmailVerificationTokenRepository tokens;
    private final VerificationLinks links;
    private final UnitOfWork unitOfWork;
    private final Policy policy;
    private final Clock clock;

    public RequestEmailVerificationService(UserRepository users, EmailVerificationTokenRepository tokens,
                                           VerificationLinks links, UnitOfWork unitOfWork, Policy policy,
                                           Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.links = links;
        this.unitOfWork = unitOfWork;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = clock;
    }

    @Override
    public void request(RequestEmailVerificationCommand command) {
        Optional<Unsent> link = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<User> user = users.findByIdForUpdate(command.user()).filter(found -> !found.isEmailVerified());
            if (user.isEmpty()
                    || tokens.countIssuedAfter(user.get().id(), Issue.RESEND, now.minus(policy.window()))
                    >= policy.maxMails()) {
                return Optional.<Unsent>empty();
            }
            return Optional.of(links.issue(user.get().id(), user.get().email(), Issue.RESEND, now));
        });
        link.ifPresent(links::send);
    }

    /** At most {@code maxMails} links on request per user within any {@code window}. */
    public record Policy(int maxMails, Duration window) {

        public Policy {
            if (maxMails < 0) {
                throw new IllegalArgumentException("maxMails must not be negative");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
        }
    }
}
