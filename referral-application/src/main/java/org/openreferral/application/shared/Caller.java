package org.openreferral.application.shared;

import java.util.Objects;
import org.openreferral.domain.model.user.UserId;

/** Who is asking: the authenticated user and whether they hold the admin role. */
public record Caller(UserId id, boolean admin) {

    public Caller {
        Objects.requireNonNull(id, "id");
    }

    /** Whether the caller may see data that belongs to {@code owner}. */
    public boolean maySee(UserId owner) {
        return admin || id.equals(owner);
    }
}
