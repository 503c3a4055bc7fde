package org.openreferral.application.fakes;

import java.time.Instant;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.domain.model.user.UserId;

/** In-memory email verification tokens with a unique digest and why each was issued, as in the real table. */
public final class InMemoryEmailVerificationTokenRepository
        extends InMemorySingleUseTokens<EmailVerificationTokenRepository.Issue>
        implements EmailVerificationTokenRepository {

    public InMemoryEmailVerificationTokenRepository(FakeUnitOfWork unitOfWork) {
        super(unitOfWork);
    }

    @Override
    public int countIssuedAfter(UserId user, Issue issue, Instant since) {
        return count(user, stored -> stored.tag() == issue && stored.token().createdAt().isAfter(since));
    }
}
