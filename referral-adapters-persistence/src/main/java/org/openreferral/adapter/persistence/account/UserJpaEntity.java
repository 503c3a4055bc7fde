package org.openreferral.adapter.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code users} table. */
@Entity
@Table(name = "users")
public class UserJpaEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 32)
    public String username;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "email_canonical", nullable = false, length = 254)
    public String emailCanonical;

    @Column(length = 100)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Comma-separated role slugs. */
    @Column(nullable = false, length = 64)
    public String roles;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "referred_by")
    public UUID referredBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Read only: a new row starts at the column's default, and only {@code advanceSessionEpoch} raises it. */
    @Column(name = "session_epoch", nullable = false, insertable = false, updatable = false)
    public long sessionEpoch;
}
