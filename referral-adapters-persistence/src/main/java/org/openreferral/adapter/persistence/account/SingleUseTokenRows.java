package org.openreferral.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/**
 * What the single-use token adapters share over their own table: store, spend (read {@code FOR UPDATE}, so a token
 * works once) and spend all of a user's.
 */
final class SingleUseTokenRows<E extends SingleUseTokenColumns> {

    private final PanacheRepositoryBase<E, UUID> rows;
    private final Supplier<E> newRow;

    SingleUseTokenRows(PanacheRepositoryBase<E, UUID> rows, Supplier<E> newRow) {
        this.rows = rows;
        this.newRow = newRow;
    }

    /** A new row holding the token, not yet stored (to set a table's own columns first). */
    E row(SingleUseToken token) {
        E entity = newRow.get();
        entity.id = token.id();
        entity.userId = token.user().value();
        entity.tokenHash = token.digest();
        entity.createdAt = token.createdAt();
        entity.expiresAt = token.expiresAt();
        entity.usedAt = token.usedAt().orElse(null);
        return entity;
    }

    void add(E row) {
        rows.persist(row);
        rows.flush();
    }

    void update(SingleUseToken token) {
        E entity = rows.findById(token.id());
        entity.usedAt = token.usedAt().orElse(null);
        rows.flush();
    }

    Optional<SingleUseToken> findByDigest(String digest, boolean forUpdate) {
        PanacheQuery<E> query = rows.find("tokenHash", digest);
        if (forUpdate) {
            query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().map(SingleUseTokenRows::toDomain);
    }

    int useAllOf(UserId user, Instant now) {
        return rows.update("usedAt = ?1 where userId = ?2 and usedAt is null", now, user.value());
    }

    private static SingleUseToken toDomain(SingleUseTokenColumns row) {
        return SingleUseToken.reconstitute(row.id, new UserId(row.userId), row.tokenHash, row.createdAt, row.expiresAt,
                row.usedAt);
    }
}
