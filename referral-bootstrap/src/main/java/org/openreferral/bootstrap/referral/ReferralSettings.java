package org.openreferral.bootstrap.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.openreferral.domain.model.referral.QualifyingCondition;

/**
 * Settings of the referral slice ({@code referral.code.*}, {@code referral.reward.*}, {@code referral.qualify-on},
 * {@code referral.fraud.*}, {@code referral.share-link-base}); the README lists them with their environment names.
 */
@ConfigMapping(prefix = "referral")
public interface ReferralSettings {

    Code code();

    Reward reward();

    /** What qualifies a referral: {@code email-verified}, {@code event}, or {@code registration} (the v1 behaviour). */
    @WithDefault("email-verified")
    QualifyingCondition qualifyOn();

    Fraud fraud();

    /**
     * The public base of share links: a code's link is this followed by the code. Point it at where {@code /r/} of
     * this service is reachable from the outside.
     */
    @WithDefault("http://localhost:8080/r/")
    String shareLinkBase();

    /** Referral codes. */
    interface Code {

        /** The furthest expiry a code may have. */
        @WithDefault("P365D")
        Duration maxTtl();
    }

    /** Points per referral, when they are written, and how many referrals may earn them. */
    interface Reward {

        @WithDefault("10")
        int referrerPoints();

        @WithDefault("0")
        int refereePoints();

        /** Time between QUALIFIED and REWARDED. */
        @WithDefault("PT0S")
        Duration hold();

        /** Credited referrals per referrer within one rolling {@link #capPeriod()}; unset: no cap. */
        OptionalInt capPerPeriod();

        @WithDefault("P30D")
        Duration capPeriod();

        /** Credited referrals per referrer in all; unset: no cap. */
        OptionalInt capLifetime();

        /**
         * How often the service releases held rewards ({@code 30s}, {@code PT1M}; {@code off} stops the job on this
         * instance). A reward is released at most this long after its hold ends.
         */
        @WithDefault("30s")
        String releaseInterval();

        /** Held rewards claimed and written per transaction by the release job. */
        @WithDefault("100")
        int releaseBatchSize();
    }

    /** Fraud rules that flag a new referral for review. */
    interface Fraud {

        /** More referrals than this from one client network within the window flag the next one ({@code same-network}). */
        @WithDefault("5")
        int sameNetworkMax();

        @WithDefault("PT24H")
        Duration sameNetworkWindow();

        /** Flag a referral whose referee's email the email check answered unknown or accept-all. */
        @WithDefault("true")
        boolean flagUnverifiableEmail();

        /** HMAC key of stored client-network hashes; all instances must share it. Unset: a built-in key (warned about). */
        Optional<String> networkKey();
    }
}
