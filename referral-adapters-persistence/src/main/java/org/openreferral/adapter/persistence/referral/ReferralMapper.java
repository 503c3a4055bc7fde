package org.openreferral.adapter.persistence.referral;

import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardReason;
import org.openreferral.domain.model.user.UserId;

/** Maps referral codes and ledger entries to rows and back, by hand. */
final class ReferralMapper {

    private ReferralMapper() {
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
