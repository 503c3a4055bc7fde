package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.AccountEvents;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository.Issue;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.ReferralAttribution.Attribution;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.account.service.VerificationLinks.Unsent;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.AccountConflicts;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Registers a user. Validation, the email check and password hashing happen first; then one transaction
 * creates the user, its email verification token and, with a referral code, the referral (through
 * {@link ReferralAttribution}) and the {@code user.registered} event ({@link AccountEvents}), or nothing. The verification link is mailed after commit, in the background.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final ReferralAttribution attribution;
    private final AccountEvents events;
    private final PasswordHasher hasher;
    private final EmailScreening emailScreening;
    private final VerificationLinks verificationLinks;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RegisterUserService(UserRepository users, ReferralAttribution attribution, AccountEvents events,
                               PasswordHasher hasher, EmailScreening emailScreening,
                               VerificationLinks verificationLinks, UnitOfWork unitOfWork, Clock clock) {
        this.users = users;
        this.attribution = attribution;
        this.events = events;
        this.hasher = hasher;
        this.emailScreening = emailScreening;
        this.verificationLinks = verificationLinks;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public UserView register(RegisterUserCommand command) {
        Username username = command.username();
        Email email = command.email();
        DisplayName name = command.name();
        Optional<CodeValue> codeValue = Optional.ofNullable(command.referralCode());

        // Cheap checks before the slow and the paid ones (the email check spends a Hunter credit, the hash a
        // hashing slot); the transaction below checks again, and the unique indexes still decide races.
        unitOfWork.reading(() -> {
            ensureFree(username, email);
            codeValue.ifPresent(code -> attribution.precheck(code, email, clock.instant()));
            return null;
        });
        boolean emailUnverifiable = emailScreening.ensureAcceptable(email).unverifiable();
        PasswordHash hash = hasher.hash(command.password().value());

        Registered registered = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            UserId id = UserId.newId();
            if (codeValue.isEmpty()) {
                User user = User.register(id, username, email, name, hash, Set.of(), null, now);
                users.add(user);
                events.registered(user, now);
                return new Registered(UserViews.of(user, null), verificationLink(user, now));
            }
            Attribution referral = attribution.attribute(codeValue.get(),
                    new ReferralAttribution.NewAccount(id, email, emailUnverifiable, command.clientAddress()), now);
            User user = User.register(id, username, email, name, hash, Set.of(), referral.referrerId(), now);
            users.add(user);
            events.registered(user, now);
            referral.record();
            return new Registered(UserViews.of(user,
                    new UserView.UserRef(referral.referrerId().value(), referral.referrerUsername().value())),
                    verificationLink(user, now));
        });
        verificationLinks.send(registered.link());
        return registered.user();
    }

    private Unsent verificationLink(User user, Instant now) {
        return verificationLinks.issue(user.id(), user.email(), Issue.REGISTRATION, now);
    }

    private record Registered(UserView user, Unsent link) {
    }

    private void ensureFree(Username username, Email email) {
        if (users.existsByEmail(email)) {
            throw AccountConflicts.emailTaken();
        }
        if (users.existsByUsername(username)) {
            throw AccountConflicts.usernameTaken();
        }
    }
}
