package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.RefreshTokenStatus;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/**
 * In-memory refresh tokens with the indexes of the real table: unique digest, and at most one ACTIVE token
 * per session. Remembers whether lookups asked for the row lock.
 */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<UUID, RefreshToken> tokens = new LinkedHashMap<>();
    private int lockedLookups;

    public InMemoryRefreshTokenRepository(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(RefreshToken token) {
        unitOfWork.requireWritable();
        if (tokens.values().stream().anyMatch(other -> other.digest().equals(token.digest()))) {
            throw new IllegalStateException("duplicate digest");
        }
        if (token.status() == RefreshTokenStatus.ACTIVE && tokens.values().stream().anyMatch(
                other -> other.session().equals(token.session()) && other.status() == RefreshTokenStatus.ACTIVE)) {
            throw new IllegalStateException("a second active token in session " + token.session());
        }
        tokens.put(token.id(), copy(token));
    }

    @Override
    public void update(RefreshToken token) {
        unitOfWork.requireWritable();
        if (!tokens.containsKey(token.id())) {
            throw new IllegalStateException("no such token " + token.id());
        }
        tokens.put(token.id(), copy(token));
    }

    @Override
    public Optional<RefreshToken> findByDigestForUpdate(String digest) {
        unitOfWork.requireWritable();
        lockedLookups++;
        return tokens.values().stream().filter(token -> token.digest().equals(digest)).findFirst()
                .map(InMemoryRefreshTokenRepository::copy);
    }

    @Override
    public Optional<UserId> ownerOf(String digest) {
        unitOfWork.requireActive();
        return tokens.values().stream().filter(token -> token.digest().equals(digest)).findFirst()
                .map(RefreshToken::user);
    }

    @Override
    public Optional<Instant> sessionStartedAt(SessionId session) {
        return tokens.values().stream().filter(token -> token.session().equals(session))
                .map(RefreshToken::createdAt).min(Instant::compareTo);
    }

    @Override
    public int revokeSession(SessionId session, UserId user, Instant now) {
        unitOfWork.requireWritable();
        return revokeWhere(token -> token.session().equals(session) && token.user().equals(user), now).size();
    }

    @Override
    public Set<SessionId> revokeAllOf(UserId user, Instant now) {
        unitOfWork.requireWritable();
        Set<SessionId> live = new LinkedHashSet<>();
        tokens.values().stream()
                .filter(token -> token.user().equals(user) && token.status() == RefreshTokenStatus.ACTIVE)
                .forEach(token -> live.add(token.session()));
        revokeWhere(token -> token.user().equals(user), now);
        return live;
    }

    @Override
    public boolean isSessionRevoked(SessionId session) {
        unitOfWork.requireActive();
        return tokens.values().stream()
                .anyMatch(token -> token.session().equals(session) && token.status() == RefreshTokenStatus.REVOKED);
    }

    @Override
    public Map<SessionId, Instant> sessionsRevokedSince(Instant since) {
        unitOfWork.requireActive();
        Map<SessionId, Instant> revoked = new LinkedHashMap<>();
        tokens.values().stream()
                .filter(token -> token.status() == RefreshTokenStatus.REVOKED)
                .filter(token -> token.revokedAt().isPresent() && !token.revokedAt().get().isBefore(since))
                .forEach(token -> revoked.merge(token.session(), token.revokedAt().get(),
                        (one, other) -> one.isAfter(other) ? one : other));
        return revoked;
    }

    private List<RefreshToken> revokeWhere(java.util.function.Predicate<RefreshToken> which, Instant now) {
        List<RefreshToken> revoked = tokens.values().stream()
                .filter(which)
                .filter(token -> token.status() != RefreshTokenStatus.REVOKED)
                .map(token -> RefreshToken.reconstitute(token.id(), token.session(), token.user(), token.digest(),
                        token.createdAt(), token.expiresAt(), RefreshTokenStatus.REVOKED,
                        token.rotatedAt().orElse(null), now))
                .toList();
        revoked.forEach(token -> tokens.put(token.id(), token));
        return revoked;
    }

    /** Test inspection: every stored token of a session, oldest first. */
    public List<RefreshToken> ofSession(SessionId session) {
        return tokens.values().stream().filter(token -> token.session().equals(session))
                .map(InMemoryRefreshTokenRepository::copy).toList();
    }

    /** Test inspection: every stored token. */
    public List<RefreshToken> all() {
        return tokens.values().stream().map(InMemoryRefreshTokenRepository::copy).toList();
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
        tokens = new LinkedHashMap<>((Map<UUID, RefreshToken>) snapshot);
    }

    private static RefreshToken copy(RefreshToken token) {
        return RefreshToken.reconstitute(token.id(), token.session(), token.user(), token.digest(), token.createdAt(),
                token.expiresAt(), token.status(), token.rotatedAt().orElse(null), token.revokedAt().orElse(null));
    }
}
