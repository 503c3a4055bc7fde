package org.openreferral.domain.model.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Aggregate: a registered person, who may have been referred by another user. */
public final class User {

    private final UserId id;
    private final Username username;
    private final Email email;
    private final DisplayName name;
    private PasswordHash passwordHash;
    private final Set<Role> roles;
    private final Instant createdAt;
    private final UserId referredBy;
    private boolean emailVerified;
    private final long sessionEpoch;

    private User(UserId id, Username username, Email email, DisplayName name, PasswordHash passwordHash,
                 Set<Role> roles, Instant createdAt, UserId referredBy, boolean emailVerified, long sessionEpoch) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.name = name;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.roles = roles.isEmpty() ? EnumSet.of(Role.USER) : EnumSet.copyOf(roles);
        this.roles.add(Role.USER);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.referredBy = referredBy;
        this.emailVerified = emailVerified;
        if (sessionEpoch < 0) {
            throw new IllegalArgumentException("sessionEpoch must not be negative");
        }
        this.sessionEpoch = sessionEpoch;
    }

    /** A new account, optionally referred by the owner of a referral code; its email is not verified yet. */
    public static User register(UserId id, Username username, Email email, DisplayName name,
                                PasswordHash passwordHash, Set<Role> roles, UserId referredBy, Instant now) {
        if (id.equals(referredBy)) {
            throw new IllegalArgumentException("a user cannot refer themselves");
        }
        return new User(id, username, email, name, passwordHash, roles, now, referredBy, false, 0);
    }

    /** Rebuilds a stored user; for persistence adapters only. */
    public static User reconstitute(UserId id, Username username, Email email, DisplayName name,
                                    PasswordHash passwordHash, Set<Role> roles, Instant createdAt, UserId referredBy,
                                    boolean emailVerified, long sessionEpoch) {
        return new User(id, username, email, name, passwordHash, roles, createdAt, referredBy, emailVerified,
                sessionEpoch);
    }

    /**
     * Records that the owner of the address has shown they receive its mail. Returns whether this changed anything:
     * verifying twice is harmless, and the address of a user never changes, so it stays verified.
     */
    public boolean verifyEmail() {
        if (emailVerified) {
            return false;
        }
        emailVerified = true;
        return true;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    /** Replaces the password hash, e.g. after a confirmed password reset. */
    public void changePassword(PasswordHash newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    /**
     * How many times all of the user's sessions were ended (password reset) when this user was read. A session is
     * opened only if the epoch is still the one read before the password was checked.
     */
    public long sessionEpoch() {
        return sessionEpoch;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public UserId id() {
        return id;
    }

    public Username username() {
        return username;
    }

    public Email email() {
        return email;
    }

    public Optional<DisplayName> name() {
        return Optional.ofNullable(name);
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<UserId> referredBy() {
        return Optional.ofNullable(referredBy);
    }
}
