package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/**
 * In-memory single-use tokens with a unique digest, as in the real tables, each stored with a tag (why it was
 * issued, or nothing); the base of the reset and verification token fakes.
 */
public abstract class InMemorySingleUseTokens<T> implements FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<UUID, Stored<T>> tokens = new LinkedHashMap<>();
    private int lockedLookups;

    protected InMemorySingleUseTokens(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    public void add(SingleUseToken token, T tag) {
        unitOfWork.requireWritable();
        if (tokens.values().stream().anyMatch(other -> other.token().digest().equals(token.digest()))) {
            throw new IllegalStateException("duplicate digest");
        }
        tokens.put(token.id(), new Stored<>(copy(token), tag));
    }

    public void update(SingleUseToken token) {
        unitOfWork.requireWritable();
        tokens.put(token.id(), new Stored<>(copy(token), tokens.get(token.id()).tag()));
    }

    public Optional<SingleUseToken> findByDigest(String digest, boolean forUpdate) {
        if (forUpdate) {
            unitOfWork.requireWritable();
            lockedLookups++;
        } else {
            unitOfWork.requireActive();
        }
        return tokens.values().stream().map(Stored::token).filter(token -> token.digest().equals(digest)).findFirst()
                .map(InMemorySingleUseTokens::copy);
    }

    public int useAllOf(UserId user, Instant now) {
        unitOfWork.requireWritable();
        List<Stored<T>> unused = tokens.values().stream()
                .filter(stored -> stored.token().user().equals(user) && stored.token().usedAt().isEmpty())
                .toList();
        unused.forEach(stored -> tokens.put(stored.token().id(), new Stored<>(spent(stored.token(), now), stored.tag())));
        return unused.size();
    }

    /** How many stored tokens of the user match {@code condition} on their tag and token. */
    protected int count(UserId user, Predicate<Stored<T>> condition) {
        unitOfWork.requireActive();
        return (int) tokens.values().stream().filter(stored -> stored.token().user().equals(user))
                .filter(condition).count();
    }

    /** Test inspection: every stored token of a user. */
    public List<SingleUseToken> of(UserId user) {
        return tokens.values().stream().map(Stored::token).filter(token -> token.user().equals(user))
                .map(InMemorySingleUseTokens::copy).toList();
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
        tokens = new LinkedHashMap<>((Map<UUID, Stored<T>>) snapshot);
    }

    private static SingleUseToken spent(SingleUseToken token, Instant now) {
        return SingleUseToken.reconstitute(token.id(), token.user(), token.digest(), token.createdAt(),
                token.expiresAt(), now);
    }

    private static SingleUseToken copy(SingleUseToken token) {
        return SingleUseToken.reconstitute(token.id(), token.user(), token.digest(), token.createdAt(),
                token.expiresAt(), token.usedAt().orElse(null));
    }

    /** A stored token and its tag. */
    protected record Stored<T>(SingleUseToken token, T tag) {
    }
}
