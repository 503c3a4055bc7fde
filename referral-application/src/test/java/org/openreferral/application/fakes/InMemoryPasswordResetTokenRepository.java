package org.openreferral.application.fakes;

import java.time.Instant;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** In-memory password reset tokens with a unique digest, as in the real table. */
public final class InMemoryPasswordResetTokenRepository extends InMemorySingleUseTokens<Void>
        implements PasswordResetTokenRepository {

    public InMemoryPasswordResetTokenRepository(FakeUnitOfWork unitOfWork) {
        super(unitOfWork);
    }

    @Override
    public void add(SingleUseToken token) {
        add(token, null);
    }

    @Override
    public int countIssuedAfter(UserId user, Instant since) {
        return count(user, stored -> stored.token().createdAt().isAfter(since));
    }
}
