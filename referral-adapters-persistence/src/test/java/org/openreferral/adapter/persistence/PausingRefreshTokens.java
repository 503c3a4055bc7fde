package org.openreferral.adapter.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/**
 * The real refresh tokens, pausing once right after the next {@link #add}: the use case that adds the token (a login
 * opening its session, a rotation adding the successor) waits there, its transaction open and the row written but not
 * committed, until released; what another request's transaction sees in that window is what the tests ask. Every wait
 * is bounded by {@link #PATIENCE}.
 */
final class PausingRefreshTokens implements RefreshTokenRepository {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RefreshTokenRepository tokens;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resumed = new CountDownLatch(1);

    PausingRefreshTokens(RefreshTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The next {@link #add}, on whatever thread, pauses after writing its row. */
    void pauseAfterNextAdd() {
        armed.set(true);
    }

    /** Returns once the work of {@code pausing} has paused; fails at once with its cause if that work ended instead. */
    void awaitPaused(Future<?> pausing) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!paused.await(20, TimeUnit.MILLISECONDS)) {
            if (pausing.isDone()) {
                pausing.get();
                throw new IllegalStateException("the work ended without adding a refresh token");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no refresh token was added within " + PATIENCE);
            }
        }
    }

    /** Lets the paused transaction go on (and commit). */
    void resume() {
        resumed.countDown();
    }

    @Override
    public void add(RefreshToken token) {
        tokens.add(token);
        if (armed.compareAndSet(true, false)) {
            paused.countDown();
            try {
                if (!resumed.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the paused transaction was not resumed within " + PATIENCE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while paused", e);
            }
        }
    }

    @Override
    public void update(RefreshToken token) {
        tokens.update(token);
    }

    @Override
    public Optional<RefreshToken> findByDigestForUpdate(String digest) {
        return tokens.findByDigestForUpdate(digest);
    }

    @Override
    public Optional<UserId> ownerOf(String digest) {
        return tokens.ownerOf(digest);
    }

    @Override
    public Optional<Instant> sessionStartedAt(SessionId session) {
        return tokens.sessionStartedAt(session);
    }

    @Override
    public int revokeSession(SessionId session, UserId user, Instant now) {
        return tokens.revokeSession(session, user, now);
    }

    @Override
    public Set<SessionId> revokeAllOf(UserId user, Instant now) {
        return tokens.revokeAllOf(user, now);
    }

    @Override
    public boolean isSessionRevoked(SessionId session) {
        return tokens.isSessionRevoked(session);
    }

    @Override
    public Map<SessionId, Instant> sessionsRevokedSince(Instant since) {
        return tokens.sessionsRevokedSince(since);
    }
}
