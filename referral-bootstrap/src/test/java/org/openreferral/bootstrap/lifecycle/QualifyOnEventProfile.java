package org.openreferral.bootstrap.lifecycle;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Test profile: referrals qualify on an event (an admin's qualify call), rewards are written at once (no hold),
 * at most {@value #LIFETIME_CAP} credited referrals per referrer, an admin from configuration, and no remembered
 * subjects (every token's user or client is looked up), and the webhook SSRF guard's production settings.
 */
public class QualifyOnEventProfile implements QuarkusTestProfile {

    static final int LIFETIME_CAP = 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(Lifecycle.adminSettings());
        config.put("referral.qualify-on", "event");
        config.put("referral.reward.hold", "PT0S");
        config.put("referral.reward.cap-lifetime", Integer.toString(LIFETIME_CAP));
        // Subjects are checked on every request, so that ClientsTest sees a deleted client's token refused at once.
        config.put("referral.auth.subject-check-ttl", "PT0S");
        // The SSRF guard as in production (the default test profile allows http and private networks), for
        // WebhookClientsTest.
        config.put("referral.webhook.allow-http", "false");
        config.put("referral.webhook.allow-private-networks", "false");
        return config;
    }
}
