package org.openreferral.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the service refuses and warns about at start-up, decided from its settings. */
class StartupGuardsTest {

    private final List<String> warned = new ArrayList<>();

    @Test
    void redisWithoutACacheKeySecretIsRefusedNamingTheVariable() {
        StartupGuards guards = new StartupGuards(false, true, false, true, false);

        assertThatThrownBy(() -> guards.enforce(warned::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REFERRAL_CACHE_KEY_SECRET");
    }

    @Test
    void redisWithoutACacheKeySecretIsRefusedOnTheEmbeddedDefaultToo() {
        assertThat(new StartupGuards(true, true, false, false, false).refusals())
                .singleElement().asString().contains("REFERRAL_CACHE_KEY_SECRET");
    }

    @Test
    void redisWithACacheKeySecretStarts() {
        new StartupGuards(false, true, true, true, false).enforce(warned::add);

        assertThat(warned).isEmpty();
    }

    @Test
    void anExternalDatabaseWithoutSmtpStartsWarningThatLinksGoToTheLogNamingBothWaysOut() {
        new StartupGuards(false, false, false, false, false).enforce(warned::add);

        assertThat(warned).singleElement().asString().contains("written to the log").contains("production")
                .contains("REFERRAL_MAIL_SMTP_HOST").contains("REFERRAL_MAIL_DISABLED=true");
    }

    @Test
    void anExternalDatabaseWithMailExplicitlyDisabledStartsWithAWarning() {
        new StartupGuards(false, false, false, false, true).enforce(warned::add);

        assertThat(warned).singleElement().asString().contains("REFERRAL_MAIL_DISABLED=true").contains("never logged");
    }

    @Test
    void theEmbeddedDefaultWithoutSmtpWarnsThatLinksGoToTheLog() {
        new StartupGuards(true, false, false, false, false).enforce(warned::add);

        assertThat(warned).singleElement().asString().contains("written to the log").contains("REFERRAL_MAIL_SMTP_HOST");
    }

    @Test
    void smtpNeedsNoWarning() {
        new StartupGuards(false, false, false, true, false).enforce(warned::add);
        new StartupGuards(true, false, false, true, false).enforce(warned::add);

        assertThat(warned).isEmpty();
    }
}
