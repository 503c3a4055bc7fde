package org.openreferral.application.account.port.out;

import java.util.Objects;

/**
 * What an email verifier concluded. {@code failed} verdicts (the verifier could not answer) are always
 * {@link Status#UNKNOWN}; {@code reason} is a short human explanation, safe to show to the user.
 */
public record EmailVerdict(Status status, boolean failed, String reason) {

    /** Hunter's statuses; the offline verifier uses the same words. */
    public enum Status {
        VALID, INVALID, ACCEPT_ALL, WEBMAIL, DISPOSABLE, UNKNOWN
    }

    public EmailVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (failed && status != Status.UNKNOWN) {
            throw new IllegalArgumentException("a failed verification is UNKNOWN");
        }
    }

    public static EmailVerdict of(Status status, String reason) {
        return new EmailVerdict(status, false, reason);
    }

    public static EmailVerdict failure(String reason) {
        return new EmailVerdict(Status.UNKNOWN, true, reason);
    }

    /** Whether the check could not tell that the mailbox exists: unknown, or a domain that accepts any address. */
    public boolean unverifiable() {
        return status == Status.UNKNOWN || status == Status.ACCEPT_ALL;
    }

    /** Whether this verdict will not change if asked again soon (cacheable for days). */
    public boolean isFinal() {
        return !failed && status != Status.UNKNOWN;
    }
}
