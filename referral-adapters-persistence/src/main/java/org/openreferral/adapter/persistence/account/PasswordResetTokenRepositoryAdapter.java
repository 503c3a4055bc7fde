package org.openreferral.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Password reset tokens in PostgreSQL; spending one reads it {@code FOR UPDATE}, so it works once. */
@ApplicationScoped
public class PasswordResetTokenRepositoryAdapter implements PasswordResetTokenRepository {

    private final PasswordResetTokenPanacheRepository rows;

    PasswordResetTokenRepositoryAdapter(PasswordResetTokenPanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(SingleUseToken token) {
        rows.persist(SessionPersistenceMapper.toEntity(token));
        rows.flush();
    }

    @Override
    public void update(SingleUseToken token) {
        PasswordResetTokenJpaEntity entity = rows.findById(token.id());
        entity.usedAt = token.usedAt().orElse(null);
        rows.flush();
    }

    @Override
    public Optional<SingleUseToken> findByDigest(String digest, boolean forUpdate) {
        PanacheQuery<PasswordResetTokenJpaEntity> query = rows.find("tokenHash", digest);
        if (forUpdate) {
            query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().map(SessionPersistenceMapper::toDomain);
    }

    @Override
    public int useAllOf(UserId user, Instant now) {
        return rows.update("usedAt = ?1 where userId = ?2 and usedAt is null", now, user.value());
    }
}
