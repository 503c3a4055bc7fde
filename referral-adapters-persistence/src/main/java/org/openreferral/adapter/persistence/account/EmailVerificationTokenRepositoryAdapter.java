package org.openreferral.adapter.persistence.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Email verification tokens in PostgreSQL; spending one reads it {@code FOR UPDATE}, so it works once. */
@ApplicationScoped
public class EmailVerificationTokenRepositoryAdapter implements EmailVerificationTokenRepository {

    private final EmailVerificationTokenPanacheRepository panache;
    private final SingleUseTokenRows<EmailVerificationTokenJpaEntity> rows;

    EmailVerificationTokenRepositoryAdapter(EmailVerificationTokenPanacheRepository panache) {
        this.panache = panache;
        this.rows = new SingleUseTokenRows<>(panache, EmailVerificationTokenJpaEntity::new);
    }

    @Override
    public void add(SingleUseToken token, Issue issue) {
        EmailVerificationTokenJpaEntity row = rows.row(token);
        row.issue = issue.name();
        rows.add(row);
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

    @Override
    public int countIssuedAfter(UserId user, Issue issue, Instant since) {
        return Math.toIntExact(panache.count("userId = ?1 and issue = ?2 and createdAt > ?3", user.value(),
                issue.name(), since));
    }
}
