package org.openreferral.application.account.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.Email;

/**
 * Decides whether a new account's address is acceptable: asks the verifier (through the verdict cache)
 * and applies the policy. Runs before the registration transaction opens, since the verifier may be remote.
 */
public final class EmailScreening {

    /** Accept or reject what the verifier could not decide; and how long verdicts are remembered. */
    public record Policy(boolean failOpen, Duration finalVerdictTtl, Duration unknownVerdictTtl) {

        public Policy {
            Objects.requireNonNull(finalVerdictTtl, "finalVerdictTtl");
            Objects.requireNonNull(unknownVerdictTtl, "unknownVerdictTtl");
        }

        public static Policy defaults() {
            return new Policy(true, Duration.ofDays(7), Duration.ofMinutes(10));
        }
    }

    private final EmailVerifier verifier;
    private final EmailVerdictCache cache;
    private final Policy policy;

    public EmailScreening(EmailVerifier verifier, EmailVerdictCache cache, Policy policy) {
        this.verifier = verifier;
        this.cache = cache;
        this.policy = policy;
    }

    /** Throws {@code email-rejected} unless the policy accepts the address; returns the verdict it accepted. */
    public EmailVerdict ensureAcceptable(Email email) {
        EmailVerdict verdict = verdictFor(email);
        switch (verdict.status()) {
            case VALID, WEBMAIL, ACCEPT_ALL -> { }
            case INVALID -> throw rejected("The email address cannot receive mail: " + verdict.reason());
            case DISPOSABLE -> throw rejected("Disposable email addresses are not accepted: " + verdict.reason());
            case UNKNOWN -> {
                if (!policy.failOpen()) {
                    throw rejected("The email address could not be verified: " + verdict.reason());
                }
            }
        }
        return verdict;
    }

    private EmailVerdict verdictFor(Email email) {
        Optional<EmailVerdict> cached = cache.get(email);
        if (cached.isPresent()) {
            return cached.get();
        }
        EmailVerdict verdict = verifier.verify(email);
        if (!verdict.failed()) {
            cache.put(email, verdict, verdict.isFinal() ? policy.finalVerdictTtl() : policy.unknownVerdictTtl());
        }
        return verdict;
    }

    private static RuleViolationException rejected(String detail) {
        return new RuleViolationException("email-rejected", detail);
    }
}
