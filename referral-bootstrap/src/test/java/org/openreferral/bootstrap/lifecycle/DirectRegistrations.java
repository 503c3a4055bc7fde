package org.openreferral.bootstrap.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.port.out.ReferralAttribution.Attribution;
import org.openreferral.application.account.port.out.ReferralAttribution.NewAccount;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Registers a referee through the account slice's port with a chosen client address and email verdict. Over HTTP
 * they come from the peer address and the email check, and every test request comes from 127.0.0.1 with an
 * offline verdict; this reaches the fraud rules with other networks and an unverifiable address.
 */
@ApplicationScoped
class DirectRegistrations {

    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA");

    private final ReferralAttribution attribution;
    private final UserRepository users;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    DirectRegistrations(ReferralAttribution attribution, UserRepository users, UnitOfWork unitOfWork, Clock clock) {
        this.attribution = attribution;
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** A new referee of {@code code} registering from {@code clientAddress}; answers their user id. */
    String register(String code, String clientAddress, boolean emailUnverifiable) {
        String name = Api.unique("direct");
        UserId id = UserId.newId();
        Email email = new Email(name + "@example.com");
        unitOfWork.inTransaction(() -> {
            Attribution referral = attribution.attribute(new CodeValue(code),
                    new NewAccount(id, email, emailUnverifiable, Optional.of(clientAddress)), clock.instant());
            users.add(User.register(id, new Username(name), email, null, HASH, Set.of(), referral.referrerId(),
                    clock.instant()));
            referral.record();
            return null;
        });
        return id.value().toString();
    }
}
