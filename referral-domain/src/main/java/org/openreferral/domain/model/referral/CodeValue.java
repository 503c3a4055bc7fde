package org.openreferral.domain.model.referral;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.openreferral.domain.error.InvalidValueException;

/** The text of a referral code: 4 to 32 of {@code [A-Za-z0-9_-]}, matched case-insensitively. */
public record CodeValue(String value) {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 32;
    public static final int GENERATED_LENGTH = 10;
    /** Upper-case letters and digits without the look-alikes 0/O, 1/I/L. */
    static final String GENERATED_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final String SUBJECT = "referral code";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    public CodeValue {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(SUBJECT, "must not be blank");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(SUBJECT,
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters of letters, digits, '_' or '-'");
        }
    }

    /** A fresh code; the random source must be cryptographically strong (e.g. {@code SecureRandom}). */
    public static CodeValue generate(RandomGenerator secureRandom) {
        StringBuilder code = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            code.append(GENERATED_ALPHABET.charAt(secureRandom.nextInt(GENERATED_ALPHABET.length())));
        }
        return new CodeValue(code.toString());
    }

    /** The form under which codes are matched and kept unique. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Whether both name the same code, whatever their case. */
    public boolean sameAs(CodeValue other) {
        return normalized().equals(other.normalized());
    }

    @Override
    public String toString() {
        return value;
    }
}
