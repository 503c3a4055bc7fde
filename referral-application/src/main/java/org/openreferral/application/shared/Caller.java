package org.openreferral.application.shared;

import java.util.Objects;
import java.util.Set;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.UserId;

/**
 * Who is asking: a person (a user, perhaps an admin) or a machine client with its scopes. For a client, {@code id}
 * carries the client's id (a random UUID, never a user's), so "the caller's own data" matches nothing.
 */
public record Caller(UserId id, boolean admin, boolean client, Set<Scope> scopes) {

    public Caller {
        Objects.requireNonNull(id, "id");
        scopes = Set.copyOf(scopes);
        if (client && admin) {
            throw new IllegalArgumentException("a machine client is never an admin");
        }
    }

    /** A person, an admin or not. */
    public Caller(UserId id, boolean admin) {
        this(id, admin, false, Set.of());
    }

    /** A machine client holding {@code scopes} in its current token. */
    public static Caller client(UserId clientId, Set<Scope> scopes) {
        return new Caller(clientId, false, true, scopes);
    }

    /** Whether the caller may see data that belongs to {@code owner}. */
    public boolean maySee(UserId owner) {
        return admin || !client && id.equals(owner);
    }

    /** Whether the caller is an admin or a client whose token holds {@code scope}. */
    public boolean isAdminOr(Scope scope) {
        return admin || client && scopes.contains(scope);
    }

    /**
     * Refuses anybody but an admin and a client holding {@code scope}: a client without it with 403
     * {@code insufficient-scope}, a person who is no admin with 403 {@code forbidden}.
     */
    public void requireAdminOr(Scope scope) {
        if (isAdminOr(scope)) {
            return;
        }
        throw client ? PermissionDeniedException.insufficientScope(scope) : new PermissionDeniedException();
    }
}
