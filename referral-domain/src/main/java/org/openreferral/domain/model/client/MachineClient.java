package org.openreferral.domain.model.client;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.openreferral.domain.error.InvalidValueException;

/**
 * A machine client (OAuth2 client credentials): its name, the scopes an admin granted it and the one-way digest of
 * its secret; the secret itself is never kept.
 */
public final class MachineClient {

    private final ClientId id;
    private final ClientName name;
    private final Set<Scope> scopes;
    private final String secretDigest;
    private final Instant createdAt;

    private MachineClient(ClientId id, ClientName name, Set<Scope> scopes, String secretDigest, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.secretDigest = Objects.requireNonNull(secretDigest, "secretDigest");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidValueException("scopes", "must name at least one scope");
        }
        this.scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** A new client with at least one scope. */
    public static MachineClient register(ClientId id, ClientName name, Set<Scope> scopes, String secretDigest,
                                         Instant now) {
        return new MachineClient(id, name, scopes, secretDigest, now);
    }

    /** For persistence only: a client as stored. */
    public static MachineClient reconstitute(ClientId id, ClientName name, Set<Scope> scopes, String secretDigest,
                                             Instant createdAt) {
        return new MachineClient(id, name, scopes, secretDigest, createdAt);
    }

    /** Whether the client was granted every one of {@code requested}. */
    public boolean holdsAll(Set<Scope> requested) {
        return scopes.containsAll(requested);
    }

    public ClientId id() {
        return id;
    }

    public ClientName name() {
        return name;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public String secretDigest() {
        return secretDigest;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
