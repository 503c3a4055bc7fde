package org.openreferral.adapter.persistence.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Password reset tokens in PostgreSQL; spending one reads it {@code FOR UPDATE}, so it works once. */
@ApplicationScoped
public class PasswordResetTokenRepositoryAdapter implements PasswordResetTokenRepository {

    private final SingleUseTokenRows<PasswordResetTokenJpaEntity> rows;
    private final PasswordResetTokenPanacheRepository panache;

    PasswordResetTokenRepositoryAdapter(PasswordResetTokenPanacheRepository rows) {
        this.rows = new SingleUseTokenRows<>(rows, PasswordResetTokenJpaEntity::new);
        this.panache = rows;
    }

    @Override
    public int countIssuedAfter(UserId user, Instant since) {
        return Math.toIntExact(panache.count("userId = ?1 and createdAt > ?2", user.value(), since));
    }

    @Override
    public void add(SingleUseToken token) {
        rows.add(rows.row(token));
    }

    @Override
    public void update(SingleUseToken token) {
        rows.update(token);
    }

    @Override
    public Optional<SingleUseToken> findByDigest(String digest, boolean forUpdate) {
        return rows.findByDigest(digest, forUpdate);
    }

    @Override
    public int useAllOf(UserId user, Instant now) {
        return rows.useAllOf(user, now);
    }
}
