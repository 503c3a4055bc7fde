package org.openreferral.adapter.persistence.referral;

import org.openreferral.application.referral.port.out.ReferralRepository.Origin;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.UserId;

/** Maps referrals to rows and back, by hand. */
final class ReferralRowMapper {

    private ReferralRowMapper() {
    }

    static ReferralJpaEntity toEntity(Referral referral, Origin origin) {
        ReferralJpaEntity entity = new ReferralJpaEntity();
        entity.id = referral.id().value();
        entity.referrerId = referral.referrer().value();
        entity.refereeId = referral.referee().value();
        entity.codeId = referral.code().value();
        entity.createdAt = referral.createdAt();
        entity.refereeMailbox = origin.refereeEmail().canonical();
        entity.clientNetwork = origin.clientNetwork().orElse(null);
        copyState(referral, entity);
        return entity;
    }

    static void copyState(Referral referral, ReferralJpaEntity entity) {
        entity.status = referral.status().name();
        entity.statusReason = referral.statusReason().orElse(null);
        entity.points = referral.points();
        entity.externalId = referral.externalId().orElse(null);
        entity.qualifiedAt = referral.qualifiedAt().orElse(null);
        entity.rewardedAt = referral.rewardedAt().orElse(null);
        entity.voidedAt = referral.voidedAt().orElse(null);
    }

    static Referral toDomain(ReferralJpaEntity entity) {
        return Referral.reconstitute(new ReferralId(entity.id), new UserId(entity.referrerId),
                new UserId(entity.refereeId), new ReferralCodeId(entity.codeId), entity.createdAt,
                ReferralStatus.valueOf(entity.status), entity.statusReason, entity.points, entity.externalId,
                entity.qualifiedAt, entity.rewardedAt, entity.voidedAt);
    }
}
