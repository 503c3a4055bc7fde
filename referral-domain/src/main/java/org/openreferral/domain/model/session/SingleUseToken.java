package org.openreferral.domain.model.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.domain.model.user.UserId;

/**
 * Aggregate: a single-use, short-lived permission mailed to a user (password reset, email verification), known
 * only by its digest.
 */
public final class SingleUseToken {

    private final UUID id;
    private final UserId user;
    private final String digest;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant usedAt;

    private SingleUseToken(UUID id, UserId user, String digest, Instant createdAt, Instant expiresAt,
                               Instant usedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.user = Objects.requireNonNull(user, "user");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.usedAt = usedAt;
    }

    /** A new token living {@code lifetime} from {@code now}. */
    public static SingleUseToken issue(UUID id, UserId user, String digest, Instant now, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        return new SingleUseToken(id, user, digest, now, now.plus(lifetime), null);
    }

    /** Rebuilds a stored token; for persistence adapters only. */
    public static SingleUseToken reconstitute(UUID id, UserId user, String digest, Instant createdAt,
                                                  Instant expiresAt, Instant usedAt) {
        return new SingleUseToken(id, user, digest, createdAt, expiresAt, usedAt);
    }

    /** Whether the token still works: never used and not expired. */
    public boolean isUsableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    /** Spends the token; it works once. */
    public void use(Instant now) {
        if (!isUsableAt(now)) {
            throw new IllegalStateException("a used or expired token cannot be used");
        }
        usedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UserId user() {
        return user;
    }

    public String digest() {
        return digest;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> usedAt() {
        return Optional.ofNullable(usedAt);
    }
}
