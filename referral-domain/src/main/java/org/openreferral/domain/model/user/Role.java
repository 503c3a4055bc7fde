package org.openreferral.domain.model.user;

import java.util.Locale;

/** What a user may do: every user is a {@code user}; an {@code admin} also sees everybody. */
public enum Role {
    USER,
    ADMIN;

    /** The name used in tokens and responses. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromSlug(String slug) {
        return valueOf(slug.toUpperCase(Locale.ROOT));
    }
}
