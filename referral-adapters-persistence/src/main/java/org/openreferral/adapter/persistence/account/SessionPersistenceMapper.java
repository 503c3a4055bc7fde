package org.openreferral.adapter.persistence.account;

import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.RefreshTokenStatus;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/** Maps refresh tokens to rows and back, by hand. */
final class SessionPersistenceMapper {

    private SessionPersistenceMapper() {
    }

    static RefreshTokenJpaEntity toEntity(RefreshToken token) {
        RefreshTokenJpaEntity entity = new RefreshTokenJpaEntity();
        entity.id = token.id();
        entity.sessionId = token.session().value();
        entity.userId = token.user().value();
        entity.tokenHash = token.digest();
        entity.createdAt = token.createdAt();
        entity.expiresAt = token.expiresAt();
        copyState(token, entity);
        return entity;
    }

    static void copyState(RefreshToken token, RefreshTokenJpaEntity entity) {
        entity.status = token.status().name();
        entity.rotatedAt = token.rotatedAt().orElse(null);
        entity.revokedAt = token.revokedAt().orElse(null);
    }

    static RefreshToken toDomain(RefreshTokenJpaEntity entity) {
        return RefreshToken.reconstitute(entity.id, new SessionId(entity.sessionId), new UserId(entity.userId),
                entity.tokenHash, entity.createdAt, entity.expiresAt, RefreshTokenStatus.valueOf(entity.status),
                entity.rotatedAt, entity.revokedAt);
    }
}
