package org.openreferral.domain.model.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openreferral.domain.error.InvalidValueException;

/** A public handle: 3 to 32 of {@code [A-Za-z0-9_.-]}, unique case-insensitively, shown as typed. */
public record Username(String value) {

    private static final String SUBJECT = "username";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    public Username {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(SUBJECT, "must not be blank");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(SUBJECT, "must be 3 to 32 characters of letters, digits, '_', '.' or '-'");
        }
    }

    /** The form under which uniqueness is decided. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
