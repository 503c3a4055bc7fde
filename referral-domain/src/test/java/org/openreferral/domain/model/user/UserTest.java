package org.openreferral.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void newUserHasRoleUserAndIsNoAdmin() {
        User user = register(UserId.newId(), Set.of(), null);

        assertThat(user.roles()).containsExactly(Role.USER);
        assertThat(user.isAdmin()).isFalse();
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user.referredBy()).isEmpty();
        assertThat(user.name()).isEmpty();
    }

    @Test
    void adminAlwaysAlsoHasRoleUser() {
        User admin = register(UserId.newId(), Set.of(Role.ADMIN), null);

        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
    }

    @Test
    void reconstitutedUserAlsoAlwaysHasRoleUser() {
        User user = User.reconstitute(UserId.newId(), new Username("jane"), new Email("jane@example.com"), null,
                new PasswordHash("h"), Set.of(Role.ADMIN), NOW, null, false, 0);

        assertThat(user.roles()).contains(Role.USER, Role.ADMIN);
    }

    @Test
    void rolesCannotBeChangedFromOutside() {
        User user = register(UserId.newId(), Set.of(), null);

        assertThatThrownBy(() -> user.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(user.isAdmin()).isFalse();
    }

    @Test
    void remembersWhoReferredThem() {
        UserId referrer = UserId.newId();

        assertThat(register(UserId.newId(), Set.of(), referrer).referredBy()).contains(referrer);
    }

    @Test
    void userCannotReferThemselves() {
        UserId id = UserId.newId();

        assertThatThrownBy(() -> register(id, Set.of(), id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingThePasswordReplacesTheHash() {
        User user = register(UserId.newId(), Set.of(), null);

        user.changePassword(new PasswordHash("new"));

        assertThat(user.passwordHash()).isEqualTo(new PasswordHash("new"));
    }

    @Test
    void passwordHashNeverShowsInLogs() {
        assertThat(new PasswordHash("$argon2id$secret").toString()).doesNotContain("secret");
    }

    @Test
    void roleSlugsAreLowerCaseAndRoundTrip() {
        assertThat(Role.USER.slug()).isEqualTo("user");
        assertThat(Role.ADMIN.slug()).isEqualTo("admin");
        assertThat(Role.fromSlug("admin")).isEqualTo(Role.ADMIN);
    }

    private static User register(UserId id, Set<Role> roles, UserId referredBy) {
        return User.register(id, new Username("jane"), new Email("jane@example.com"), null,
                new PasswordHash("hash"), roles, referredBy, NOW);
    }

    @Test
    void aNewUsersEmailIsNotVerifiedUntilTheyVerifyIt() {
        User user = register(UserId.newId(), Set.of(), null);

        assertThat(user.isEmailVerified()).isFalse();
        assertThat(user.verifyEmail()).isTrue();
        assertThat(user.isEmailVerified()).isTrue();
    }

    @Test
    void verifyingAnAlreadyVerifiedEmailChangesNothing() {
        User user = User.reconstitute(UserId.newId(), new Username("jane"), new Email("jane@example.com"), null,
                new PasswordHash("h"), Set.of(), NOW, null, true, 0);

        assertThat(user.verifyEmail()).isFalse();
        assertThat(user.isEmailVerified()).isTrue();
    }

    @Test
    void aNewUserStartsAtSessionEpochZeroAndAStoredOneKeepsItsEpoch() {
        User fresh = User.register(UserId.newId(), new Username("jane"), new Email("jane@example.com"), null,
                new PasswordHash("h"), Set.of(), null, NOW);
        User stored = User.reconstitute(UserId.newId(), new Username("jane"), new Email("jane@example.com"), null,
                new PasswordHash("h"), Set.of(), NOW, null, false, 3);

        assertThat(fresh.sessionEpoch()).isZero();
        assertThat(stored.sessionEpoch()).isEqualTo(3);
    }

    @Test
    void aNegativeSessionEpochCannotBeReconstituted() {
        assertThatThrownBy(() -> User.reconstitute(UserId.newId(), new Username("jane"), new Email("jane@example.com"),
                null, new PasswordHash("h"), Set.of(), NOW, null, false, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
