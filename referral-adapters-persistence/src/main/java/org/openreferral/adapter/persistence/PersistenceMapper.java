package org.openreferral.adapter.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardReason;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/** Maps aggregates to rows and back, by hand. */
final class PersistenceMapper {

    private PersistenceMapper() {
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
        entity.referredBy = user.referredBy().map(UserId::value).orElse(null);
        entity.createdAt = user.createdAt();
    }

    static User toDomain(UserJpaEntity entity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(entity.roles.split(",")).filter(slug -> !slug.isBlank()).map(Role::fromSlug).forEach(roles::add);
        return User.reconstitute(new UserId(entity.id), new Username(entity.username), new Email(entity.email),
                entity.name == null ? null : new DisplayName(entity.name), new PasswordHash(entity.passwordHash), roles,
                entity.createdAt, entity.referredBy == null ? null : new UserId(entity.referredBy));
    }

    static ReferralCodeJpaEntity toEntity(ReferralCode code) {
        ReferralCodeJpaEntity entity = new ReferralCodeJpaEntity();
        entity.id = code.id().value();
        entity.code = code.value().value();
        entity.ownerId = code.owner().value();
        entity.createdAt = code.createdAt();
        entity.expiresAt = code.expiresAt();
        copyState(code, entity);
        return entity;
    }

    static void copyState(ReferralCode code, ReferralCodeJpaEntity entity) {
        entity.status = code.storedStatus().name();
        entity.revokedAt = code.revokedAt().orElse(null);
    }

    static ReferralCode toDomain(ReferralCodeJpaEntity entity) {
        return ReferralCode.reconstitute(new ReferralCodeId(entity.id), new CodeValue(entity.code),
                new UserId(entity.ownerId), entity.createdAt, entity.expiresAt, CodeStatus.valueOf(entity.status),
                entity.revokedAt);
    }

    static RewardEntryJpaEntity toEntity(RewardEntry entry) {
        RewardEntryJpaEntity entity = new RewardEntryJpaEntity();
        entity.id = entry.id();
        entity.userId = entry.user().value();
        entity.points = entry.points();
        entity.reason = entry.reason().name();
        entity.referralId = entry.referral().value();
        entity.createdAt = entry.createdAt();
        return entity;
    }

    static RewardEntry toDomain(RewardEntryJpaEntity entity) {
        return new RewardEntry(entity.id, new UserId(entity.userId), entity.points, RewardReason.valueOf(entity.reason),
                new ReferralId(entity.referralId), entity.createdAt);
    }
}
