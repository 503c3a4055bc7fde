package org.openreferral.adapter.rest.shared;

/**
 * The characters no text input may hold: C0 and C1 control characters (and DEL) and unpaired UTF-16 surrogates,
 * checked once at the boundary for JSON values ({@link StrictJson}) and parameters ({@link TextParameters}).
 * Multi-line free text ({@link MultiLineText}) may also hold tabs and line breaks.
 */
public final class InputText {

    /** What a refused value is told. */
    public static final String REFUSED = "must not contain control characters or unpaired surrogates";

    private InputText() {
    }

    /** Whether {@code text} holds nothing but text; {@code multiLine} allows tab, line feed and carriage return. */
    public static boolean acceptable(String text, boolean multiLine) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
            if (c < 0x20 && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} itself; text that is not {@link #acceptable} is a 400 naming {@code field}. */
    public static String check(String field, String text, boolean multiLine) {
        if (!acceptable(text, multiLine)) {
            throw Fields.invalid(field, REFUSED);
        }
        return text;
    }
}
