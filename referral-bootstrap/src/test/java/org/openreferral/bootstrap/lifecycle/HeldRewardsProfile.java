package org.openreferral.bootstrap.lifecycle;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Test profile: referrals qualify at registration (the v1 condition) but their rewards are held for
 * {@value #HOLD}, at most {@value #PERIOD_CAP} credited referrals per referrer and 30 days, more than
 * {@value #SAME_NETWORK_MAX} referrals of a referrer from one network within a day are flagged, and an admin.
 */
public class HeldRewardsProfile implements QuarkusTestProfile {

    static final String HOLD = "PT1H";
    static final int PERIOD_CAP = 2;
    static final int SAME_NETWORK_MAX = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(Lifecycle.adminSettings());
        config.put("referral.qualify-on", "registration");
        config.put("referral.reward.hold", HOLD);
        config.put("referral.reward.cap-per-period", Integer.toString(PERIOD_CAP));
        config.put("referral.reward.cap-period", "P30D");
        config.put("referral.fraud.same-network-max", Integer.toString(SAME_NETWORK_MAX));
        config.put("referral.fraud.network-key", "held-rewards-test-key");
        return config;
    }
}
