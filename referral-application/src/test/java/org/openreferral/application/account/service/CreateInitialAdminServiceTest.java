package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase.CreateInitialAdminCommand;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase.Outcome;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.fakes.FakePasswordHasher;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

class CreateInitialAdminServiceTest {

    private static final CreateInitialAdminCommand ADMIN =
            new CreateInitialAdminCommand(new Username("admin"), new Email("Admin@Example.com"),
                    new Password("an admin passphrase"));

    private final Fixture fx = new Fixture();
    private final CreateInitialAdminService service =
            new CreateInitialAdminService(fx.users, fx.hasher, fx.unitOfWork, fx.clock);

    @Test
    void theConfiguredAdminIsCreatedWithTheAdminRole() {
        assertThat(service.create(ADMIN)).isEqualTo(Outcome.CREATED);

        User admin = fx.users.storedByUsername("admin").orElseThrow();
        assertThat(admin.email().value()).isEqualTo("admin@example.com");
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(admin.passwordHash()).isEqualTo(FakePasswordHasher.hashOf("an admin passphrase"));
    }

    @Test
    void creatingAgainChangesNothing() {
        service.create(ADMIN);

        assertThat(service.create(ADMIN)).isEqualTo(Outcome.ALREADY_ADMIN);
        assertThat(fx.users.count()).isEqualTo(1);
        assertThat(fx.hasher.hashCalls()).isEqualTo(1);
    }

    @Test
    void anAccountThatRegisteredTheAddressFirstIsNotPromoted() {
        fx.user("squatter", "admin@example.com");

        assertThat(service.create(ADMIN)).isEqualTo(Outcome.EXISTS_WITHOUT_ADMIN_ROLE);
        assertThat(fx.users.storedByUsername("squatter").orElseThrow().isAdmin()).isFalse();
    }

    @Test
    void aTakenUsernameCreatesNothing() {
        fx.user("admin", "someone@example.com");

        assertThat(service.create(ADMIN)).isEqualTo(Outcome.USERNAME_TAKEN);
        assertThat(fx.users.count()).isEqualTo(1);
    }

    @Test
    void anotherInstanceCreatingTheAdminMeanwhileIsNoError() {
        PasswordHasher racing = new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                // Another instance commits the admin while this one hashes.
                fx.unitOfWork.seed(() -> fx.users.add(User.register(UserId.newId(), new Username("admin"),
                        new Email("admin@example.com"), null, FakePasswordHasher.hashOf(password), Set.of(Role.ADMIN),
                        null, fx.clock.instant())));
                return FakePasswordHasher.hashOf(password);
            }

            @Override
            public boolean matches(String password, PasswordHash hash) {
                return false;
            }
        };

        Outcome outcome = new CreateInitialAdminService(fx.users, racing, fx.unitOfWork, fx.clock).create(ADMIN);

        assertThat(outcome).isEqualTo(Outcome.ALREADY_ADMIN);
        assertThat(fx.users.count()).isEqualTo(1);
    }
}
