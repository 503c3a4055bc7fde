package org.openreferral.bootstrap.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of what the slices share: which client a request comes from ({@code referral.trusted-proxies}) and the
 * per-client budgets of the public endpoints ({@code referral.rate-limit.*}), generous for people and tight for
 * scripts. Counters live in Redis when it is configured.
 */
@ConfigMapping(prefix = "referral")
public interface SharedSettings {

    /**
     * The networks of the proxies in front of the service (comma-separated CIDRs, default none): only a peer in one
     * of them is believed about the client it forwards for ({@code X-Forwarded-For}, rightmost untrusted entry).
     */
    Optional<List<String>> trustedProxies();

    /** The per-client budgets. */
    @WithName("rate-limit")
    RateLimit rateLimit();

    /** The per-client budgets of the public endpoints. */
    interface RateLimit {

        /** {@code false} switches every per-client budget off. */
        @WithDefault("true")
        boolean enabled();

        /** Registrations: 20 an hour. */
        Register register();

        /** Token requests (logins and refreshes): 30 a minute. */
        Token token();

        /** Password-reset requests and confirmations: 5 in 15 minutes. */
        PasswordReset passwordReset();

        /** Public code lookups: 60 a minute. */
        CodeLookup codeLookup();

        /** At most {@code requests} per {@code window} and client. */
        interface Budget {

            int requests();

            Duration window();
        }

        /** The registration budget. */
        interface Register extends Budget {

            @Override
            @WithDefault("20")
            int requests();

            @Override
            @WithDefault("PT1H")
            Duration window();
        }

        /** The token budget. */
        interface Token extends Budget {

            @Override
            @WithDefault("30")
            int requests();

            @Override
            @WithDefault("PT1M")
            Duration window();
        }

        /** The password-reset budget. */
        interface PasswordReset extends Budget {

            @Override
            @WithDefault("5")
            int requests();

            @Override
            @WithDefault("PT15M")
            Duration window();
        }

        /** The code-lookup budget. */
        interface CodeLookup extends Budget {

            @Override
            @WithDefault("60")
            int requests();

            @Override
            @WithDefault("PT1M")
            Duration window();
        }
    }
}
