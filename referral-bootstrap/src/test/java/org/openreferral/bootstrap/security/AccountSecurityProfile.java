package org.openreferral.bootstrap.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test profile: rate limits on with small budgets, the client taken from {@code X-Forwarded-For} behind a
 * trusted loopback proxy (so that each test is a client of its own, see {@link SecurityTestBase}), a real SMTP
 * server, an admin created from configuration, share links on a public base, metrics behind a bearer token, and
 * referrals qualifying on the referee's verified email (the production default) under a lifetime cap of
 * {@value #LIFETIME_CAP} rewards per referrer.
 */
public class AccountSecurityProfile implements QuarkusTestProfile {

    static final String ADMIN_EMAIL = "admin@openreferral.test";
    static final String ADMIN_PASSWORD = "the initial admin passphrase";
    static final int REGISTER_BUDGET = 5;
    static final int TOKEN_BUDGET = 20;
    static final int PASSWORD_RESET_BUDGET = 5;
    static final int LOOKUP_BUDGET = 5;
    static final int LIFETIME_CAP = 10;
    /** The bearer token that opens /q/metrics (REFERRAL_METRICS_TOKEN, as production should set it). */
    static final String METRICS_TOKEN = "metrics-token-of-the-account-security-tests";
    /** Loopback as the tests connect to it (127.0.0.1, ::1); 127.0.0.2 stays an untrusted peer. */
    static final String TRUSTED_PROXIES = "127.0.0.1/32,::1/128";
    /** REFERRAL_SHARE_LINK_BASE: the public base of share links (ReferrerPagesTest, ReferrerPagesBrowserTest). */
    static final String SHARE_LINK_BASE = "https://referrals.test/r/";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("referral.rate-limit.enabled", "true");
        config.put("referral.rate-limit.register.requests", Integer.toString(REGISTER_BUDGET));
        config.put("referral.rate-limit.register.window", "PT1M");
        config.put("referral.rate-limit.token.requests", Integer.toString(TOKEN_BUDGET));
        config.put("referral.rate-limit.token.window", "PT1M");
        config.put("referral.rate-limit.password-reset.requests", Integer.toString(PASSWORD_RESET_BUDGET));
        config.put("referral.rate-limit.password-reset.window", "PT1M");
        config.put("referral.rate-limit.code-lookup.requests", Integer.toString(LOOKUP_BUDGET));
        config.put("referral.rate-limit.code-lookup.window", "PT1M");
        // The tests' own connections come through a trusted proxy: their X-Forwarded-For names the client.
        config.put("referral.trusted-proxies", TRUSTED_PROXIES);
        config.put("referral.admin.email", ADMIN_EMAIL);
        config.put("referral.admin.password", ADMIN_PASSWORD);
        config.put("referral.password-reset.link-base", "https://referrals.test/reset-password?token=");
        config.put("referral.email-verification.link-base", "https://referrals.test/verify-email?token=");
        config.put("referral.share-link-base", SHARE_LINK_BASE);
        // The production default (the shared test setting is v1's "registration"): a referral qualifies when the
        // referee confirms the mailed link (RewardOnVerifiedEmailTest).
        config.put("referral.qualify-on", "email-verified");
        config.put("referral.reward.cap-lifetime", Integer.toString(LIFETIME_CAP));
        config.put("referral.metrics.token", METRICS_TOKEN);
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
