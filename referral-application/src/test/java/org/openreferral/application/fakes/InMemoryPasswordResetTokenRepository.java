package org.openreferral.application.fakes;

import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.domain.model.session.SingleUseToken;

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
}
