package org.openreferral.domain.model.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.domain.model.user.UserId;

/**
 * Aggregate: one opaque refresh token of a session, known only by the digest of its secret. Each use
 * rotates it: it is marked ROTATED and a successor in the same session takes its place, so a second use
 * of the same token can only come from a copy.
 */
public final class RefreshToken {

    /** What presenting a token means at a given moment. */
    public enum Presentation {
        /** Active and unexpired: it may be rotated. */
        USABLE,
        /** Already rotated: somebody replays a copy, the whole session must end. */
        REUSED,
        /** Its session was revoked. */
        REVOKED,
        /** Active but past its expiry. */
        EXPIRED
    }

    private final UUID id;
    private final SessionId session;
    private final UserId user;
    private final String digest;
    private final Instant createdAt;
    private final Instant expiresAt;
    private RefreshTokenStatus status;
    private Instant rotatedAt;
    private Instant revokedAt;

    private RefreshToken(UUID id, SessionId session, UserId user, String digest, Instant createdAt, Instant expiresAt,
                         RefreshTokenStatus status, Instant rotatedAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.session = Objects.requireNonNull(session, "session");
        this.user = Objects.requireNonNull(user, "user");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.status = Objects.requireNonNull(status, "status");
        this.rotatedAt = rotatedAt;
        this.revokedAt = revokedAt;
    }

    /** The first token of a new session, living {@code lifetime} from {@code now}. */
    public static RefreshToken issue(UUID id, SessionId session, UserId user, String digest, Instant now,
                                     Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        return new RefreshToken(id, session, user, digest, now, now.plus(lifetime), RefreshTokenStatus.ACTIVE, null,
                null);
    }

    /** Rebuilds a stored token; for persistence adapters only. */
    public static RefreshToken reconstitute(UUID id, SessionId session, UserId user, String digest, Instant createdAt,
                                            Instant expiresAt, RefreshTokenStatus status, Instant rotatedAt,
                                            Instant revokedAt) {
        return new RefreshToken(id, session, user, digest, createdAt, expiresAt, status, rotatedAt, revokedAt);
    }

    /** What it means that somebody presents this token at {@code now}. */
    public Presentation presentedAt(Instant now) {
        return switch (status) {
            case ROTATED -> Presentation.REUSED;
            case REVOKED -> Presentation.REVOKED;
            case ACTIVE -> expiresAt.isAfter(now) ? Presentation.USABLE : Presentation.EXPIRED;
        };
    }

    /**
     * Exchanges this token for its successor in the same session, which lives {@code lifetime} from
     * {@code now}; only a usable token can be rotated.
     */
    public RefreshToken rotate(UUID successorId, String successorDigest, Instant now, Duration lifetime) {
        if (presentedAt(now) != Presentation.USABLE) {
            throw new IllegalStateException("only an active, unexpired refresh token can be rotated");
        }
        status = RefreshTokenStatus.ROTATED;
        rotatedAt = now;
        return issue(successorId, session, user, successorDigest, now, lifetime);
    }

    public UUID id() {
        return id;
    }

    public SessionId session() {
        return session;
    }

    public UserId user() {
        return user;
    }

    /** The digest of the secret; the secret itself is never stored. */
    public String digest() {
        return digest;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public RefreshTokenStatus status() {
        return status;
    }

    public Optional<Instant> rotatedAt() {
        return Optional.ofNullable(rotatedAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
