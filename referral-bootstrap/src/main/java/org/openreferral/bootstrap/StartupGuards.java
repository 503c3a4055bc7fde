package org.openreferral.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Start-up refusals and warnings decided from the settings alone, before a request is served (ADR 0014).
 *
 * @param embeddedDatabase the embedded default runs (no JDBC URL was configured)
 * @param redisCache the shared caches live in Redis
 * @param cacheKeySecret {@code REFERRAL_CACHE_KEY_SECRET} is set
 * @param smtp {@code REFERRAL_MAIL_SMTP_HOST} is set
 * @param mailDisabled {@code REFERRAL_MAIL_DISABLED=true}: link mails are dropped, neither sent nor logged
 */
public record StartupGuards(boolean embeddedDatabase, boolean redisCache, boolean cacheKeySecret, boolean smtp,
                            boolean mailDisabled) {

    /** Why the service must not start; empty when it may. */
    public List<String> refusals() {
        List<String> refusals = new ArrayList<>();
        if (redisCache && !cacheKeySecret) {
            refusals.add("Redis is configured but REFERRAL_CACHE_KEY_SECRET (referral.cache.key-secret) is not set:"
                    + " cache keys would be derived with the built-in secret that anyone can read in the source."
                    + " Set it to a long random value, the same on every instance.");
        }
        return List.copyOf(refusals);
    }

    /** What an operator should know at start-up. */
    public List<String> warnings() {
        if (smtp) {
            return List.of();
        }
        if (mailDisabled) {
            return List.of("REFERRAL_MAIL_DISABLED=true: password-reset and email-verification mails are dropped"
                    + " (never sent, never logged); users cannot reset a password or verify an address.");
        }
        String linksInLog = "No SMTP server is configured (REFERRAL_MAIL_SMTP_HOST): password-reset and"
                + " email-verification links are written to the log. Whoever reads the log can take over those accounts.";
        return List.of(embeddedDatabase
                ? linksInLog + " Fine for development on the embedded default."
                : linksInLog + " With an external database this is a production deployment: set"
                        + " REFERRAL_MAIL_SMTP_HOST, or REFERRAL_MAIL_DISABLED=true to drop these mails unlogged.");
    }

    /** Throws with every refusal, or hands each warning to {@code warn}. */
    public void enforce(Consumer<String> warn) {
        List<String> refusals = refusals();
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(" ", refusals));
        }
        warnings().forEach(warn);
    }
}
