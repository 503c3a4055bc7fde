package org.openreferral.adapter.persistence.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/** Maps users to rows and back, by hand. */
final class UserMapper {

    private UserMapper() {
    }

    static UserJpaEntity toEntity(User user) {
        UserJpaEntity entity = new UserJpaEntity();
        entity.id = user.id().value();
        copy(user, entity);
        return entity;
    }

    static void copy(User user, UserJpaEntity entity) {
        entity.username = user.username().value();
        entity.email = user.email().value();
        entity.emailCanonical = user.email().canonical();
        entity.name = user.name().map(DisplayName::value).orElse(null);
        entity.passwordHash = user.passwordHash().value();
        entity.roles = user.roles().stream().sorted().map(Role::slug).collect(Collectors.joining(","));
        entity.emailVerified = user.isEmailVerified();
        entity.referredBy = user.referredBy().map(UserId::value).orElse(null);
        entity.createdAt = user.createdAt();
    }

    static User toDomain(UserJpaEntity entity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(entity.roles.split(",")).filter(slug -> !slug.isBlank()).map(Role::fromSlug).forEach(roles::add);
        return User.reconstitute(new UserId(entity.id), new Username(entity.username), new Email(entity.email),
                entity.name == null ? null : new DisplayName(entity.name), new PasswordHash(entity.passwordHash), roles,
                entity.createdAt, entity.referredBy == null ? null : new UserId(entity.referredBy),
                entity.emailVerified, entity.sessionEpoch);
    }
}
