package org.openreferral.application.account.service;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Creates the configured admin when no account has its email. Instances starting together race on the
 * unique indexes: the loser's conflict is read as "already there". An existing non-admin account with that
 * email is not promoted, since anybody could have registered that address before it was configured. The admin's
 * email counts as verified: the operator vouches for it.
 */
public final class CreateInitialAdminService implements CreateInitialAdminUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateInitialAdminService(UserRepository users, PasswordHasher hasher, UnitOfWork unitOfWork,
                                     Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Outcome create(CreateInitialAdminCommand command) {
        Username username = command.username();
        Email email = command.email();
        Optional<Outcome> existing = unitOfWork.reading(() -> existingOutcome(email));
        if (existing.isPresent()) {
            return existing.get();
        }
        PasswordHash hash = hasher.hash(command.password().value());
        try {
            return unitOfWork.inTransaction(() -> {
                User admin = User.register(UserId.newId(), username, email, null, hash, Set.of(Role.ADMIN), null,
                        clock.instant());
                // The operator configured this address: it counts as verified, and no verification mail is sent.
                admin.verifyEmail();
                users.add(admin);
                return Outcome.CREATED;
            });
        } catch (ConflictException e) {
            return unitOfWork.reading(() -> existingOutcome(email)).orElse(Outcome.USERNAME_TAKEN);
        }
    }

    private Optional<Outcome> existingOutcome(Email email) {
        return users.findByEmail(email)
                .map(user -> user.isAdmin() ? Outcome.ALREADY_ADMIN : Outcome.EXISTS_WITHOUT_ADMIN_ROLE);
    }
}
