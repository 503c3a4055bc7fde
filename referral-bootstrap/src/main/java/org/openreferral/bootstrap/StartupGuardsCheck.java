package org.openreferral.bootstrap;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openreferral.adapter.cache.shared.CacheSettings;
import org.openreferral.adapter.cache.shared.CacheWiring;
import org.openreferral.bootstrap.account.AccountSettings;

/** Applies the {@link StartupGuards} at start-up: a refusal stops the service, a warning is logged. */
@Startup
@Singleton
public class StartupGuardsCheck {

    private static final Logger LOG = Logger.getLogger(StartupGuardsCheck.class);

    StartupGuardsCheck(CacheWiring cache, CacheSettings cacheSettings, AccountSettings accountSettings,
                       @ConfigProperty(name = "referral.mail.smtp-host") Optional<String> smtpHost,
                       @ConfigProperty(name = ReferralApplication.EMBEDDED_DATABASE, defaultValue = "false")
                       boolean embeddedDatabase) {
        new StartupGuards(embeddedDatabase, cache.usesRedis(),
                cacheSettings.keySecret().filter(secret -> !secret.isBlank()).isPresent(),
                smtpHost.filter(host -> !host.isBlank()).isPresent(),
                accountSettings.mail().disabled())
                .enforce(LOG::warn);
    }
}
