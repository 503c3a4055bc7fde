package org.openreferral.domain.model.client;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.openreferral.domain.error.InvalidValueException;

/** What a machine client may do, by its OAuth2 scope name. */
public enum Scope {
    REFERRALS_READ("referrals:read"),
    REFERRALS_WRITE("referrals:write"),
    EVENTS_READ("events:read"),
    WEBHOOKS_WRITE("webhooks:write"),
    USERS_READ("users:read");

    private final String slug;

    Scope(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The scope named {@code slug}; an unknown name is an invalid value of "scopes". */
    public static Scope ofSlug(String slug) {
        return Arrays.stream(values()).filter(scope -> scope.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new InvalidValueException("scopes", "unknown scope; known are " + Arrays.stream(
                        values()).map(Scope::slug).collect(Collectors.joining(", "))));
    }
}
