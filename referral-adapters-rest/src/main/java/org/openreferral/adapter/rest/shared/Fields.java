package org.openreferral.adapter.rest.shared;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openreferral.domain.error.InvalidValueException;

/**
 * Builds the typed values of a use case's command from request fields. The model says what is invalid in its own
 * words ({@link InvalidValueException#subject()}); here it is reported under the field the value came from, so the
 * wire names of the API live in this adapter only.
 */
public final class Fields {

    private Fields() {
    }

    /** The value {@code parser} builds from the text of {@code field}; a value it refuses is a 400 naming the field. */
    public static <T> T parse(String field, Function<String, T> parser, String text) {
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            throw invalid(field, e.getMessage());
        }
    }

    /** As {@link #parse}, for a field that may be left out: absent text is no value ({@code null}). */
    public static <T> T parseOptional(String field, Function<String, T> parser, String text) {
        return text == null ? null : parse(field, parser, text);
    }

    /**
     * Runs {@code work}, reporting a value it refuses under the field that {@code fields} names for the value's
     * subject; for rules that only the model can check, such as an expiry that depends on the moment of creation.
     */
    public static <T> T reporting(Map<String, String> fields, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidValueException e) {
            String field = fields.get(e.subject());
            if (field == null) {
                throw e;
            }
            throw invalid(field, e.getMessage());
        }
    }

    /** The 400 for a request field. */
    public static InvalidFieldException invalid(String field, String message) {
        return new InvalidFieldException(field, message);
    }
}
