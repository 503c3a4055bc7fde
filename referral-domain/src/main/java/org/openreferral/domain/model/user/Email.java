package org.openreferral.domain.model.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openreferral.domain.error.InvalidValueException;

/**
 * An email address: syntactically valid, at most 254 characters, held in lower case so that identity
 * is case-insensitive.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    private static final String SUBJECT = "email address";
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL_LABEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    public Email {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(SUBJECT, "must not be blank");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(SUBJECT, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!isWellFormed(value)) {
            throw new InvalidValueException(SUBJECT, "must be a valid email address");
        }
    }

    /** Whether the text is an address this service accepts, without throwing. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String candidate = text.strip().toLowerCase(Locale.ROOT);
        return candidate.length() <= MAX_LENGTH && isWellFormed(candidate);
    }

    private static boolean isWellFormed(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > MAX_LOCAL_LENGTH || !LOCAL_PART.matcher(local).matches()) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /**
     * The mailbox this address delivers to, for self-referral checks: lower case, {@code +tag} removed,
     * and for Gmail the dots of the local part removed (googlemail.com is gmail.com).
     */
    public String canonical() {
        String local = localPart();
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        String domain = domain();
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            domain = "gmail.com";
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    /** The address as shown to people who may not see it whole: {@code j***@example.com}. */
    public String masked() {
        return localPart().charAt(0) + "***@" + domain();
    }

    @Override
    public String toString() {
        return masked();
    }
}
