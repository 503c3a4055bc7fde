package org.openreferral.domain.model.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openreferral.domain.error.InvalidValueException;

/**
 * The password rule of NIST SP 800-63B: 8 to 128 characters, no composition rules, and not one of the
 * passwords that attackers try first (a list of about 30,000, looked up in lower case as written and without
 * trailing digits).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "common-passwords.txt";
    private static final String SUBJECT = "password";

    private final Set<String> commonPasswords;

    private PasswordPolicy(Set<String> commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    /** Throws unless the candidate is acceptable as a new password; every {@link Password} has passed this. */
    public void check(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            throw new InvalidValueException(SUBJECT, "must not be empty");
        }
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValueException(SUBJECT, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lowerCase = candidate.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lowerCase) || commonPasswords.contains(withoutTrailingDigits(lowerCase))) {
            throw new InvalidValueException(SUBJECT, "is one of the most common passwords; choose another");
        }
    }

    // "password2024" is "password" to an attacker's rules: digits appended to a common word make no new password.
    private static String withoutTrailingDigits(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) >= '0' && text.charAt(end - 1) <= '9') {
            end--;
        }
        return end == 0 ? text : text.substring(0, end);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final PasswordPolicy STANDARD = new PasswordPolicy(load());
    }
}
