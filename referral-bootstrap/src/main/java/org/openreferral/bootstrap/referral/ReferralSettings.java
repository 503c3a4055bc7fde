package org.openreferral.bootstrap.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the referral slice ({@code referral.code.*}, {@code referral.reward.*}). */
@ConfigMapping(prefix = "referral")
public interface ReferralSettings {

    Code code();

    Reward reward();

    /** Referral codes. */
    interface Code {

        /** The furthest expiry a code may have. */
        @WithDefault("P365D")
        Duration maxTtl();
    }

    /** Points per referral. */
    interface Reward {

        @WithDefault("10")
        int referrerPoints();

        @WithDefault("0")
        int refereePoints();
    }
}
