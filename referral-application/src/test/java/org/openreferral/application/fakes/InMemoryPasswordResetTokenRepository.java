package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.domain.model.session.PasswordResetToken;
import org.openreferral.domain.model.user.UserId;

/** In-memory password reset tokens with a unique digest, as in the real table. */
public final class InMemoryPasswordResetTokenRepository
        implements PasswordResetTokenRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<UUID, PasswordResetToken> tokens = new LinkedHashMap<>();
    private int lockedLookups;

    public InMemoryPasswordResetTokenRepository(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(PasswordResetToken token) {
        unitOfWork.requireWritable();
        if (tokens.values().stream().anyMatch(other -> other.digest().equals(token.digest()))) {
            throw new IllegalStateException("duplicate digest");
        }
        tokens.put(token.id(), copy(token));
    }

    @Override
    public void update(PasswordResetToken token) {
        unitOfWork.requireWritable();
        tokens.put(token.id(), copy(token));
    }

    @Override
    public Optional<PasswordResetToken> findByDigest(String digest, boolean forUpdate) {
        if (forUpdate) {
            unitOfWork.requireWritable();
            lockedLookups++;
        } else {
            unitOfWork.requireActive();
        }
        return tokens.values().stream().filter(token -> token.digest().equals(digest)).findFirst()
                .map(InMemoryPasswordResetTokenRepository::copy);
    }

    @Override
    public int useAllOf(UserId user, Instant now) {
        unitOfWork.requireWritable();
        List<PasswordResetToken> unused = tokens.values().stream()
                .filter(token -> token.user().equals(user) && token.usedAt().isEmpty())
                .map(token -> PasswordResetToken.reconstitute(token.id(), token.user(), token.digest(),
                        token.createdAt(), token.expiresAt(), now))
                .toList();
        unused.forEach(token -> tokens.put(token.id(), token));
        return unused.size();
    }

    /** Test inspection: every stored token of a user. */
    public List<PasswordResetToken> of(UserId user) {
        return tokens.values().stream().filter(token -> token.user().equals(user))
                .map(InMemoryPasswordResetTokenRepository::copy).toList();
    }

    public int lockedLookups() {
        return lockedLookups;
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(tokens);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        tokens = new LinkedHashMap<>((Map<UUID, PasswordResetToken>) snapshot);
    }

    private static PasswordResetToken copy(PasswordResetToken token) {
        return PasswordResetToken.reconstitute(token.id(), token.user(), token.digest(), token.createdAt(),
                token.expiresAt(), token.usedAt().orElse(null));
    }
}
