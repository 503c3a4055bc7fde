package org.openreferral.domain.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.InvalidValueException;

/** The webhook model's rules: URLs, event selections, secrets, the retry schedule and an endpoint's failures. */
class WebhookModelTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static WebhookEndpoint endpoint() {
        return WebhookEndpoint.create(WebhookId.newId(), Optional.empty(), new WebhookUrl("https://h.example/in"),
                new EventSelection(Set.of("code.created")), Optional.empty(), WebhookSecret.of(new byte[32]), NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ftp://h.example/x", "https:///x", "//h.example/x", "https://user:pw@h.example/x",
            "https://h.example/x#frag", "not a url", "mailto:someone@h.example"})
    void aWebhookUrlIsAnAbsoluteHttpUrlWithAHostAndNoCredentials(String text) {
        assertThatThrownBy(() -> new WebhookUrl(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aWebhookUrlKnowsItsHostPortAndRequestTarget() {
        WebhookUrl url = new WebhookUrl("https://[2001:db8::1]:8443/hooks/in?x=1");

        assertThat(url.host()).isEqualTo("2001:db8::1");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.pathAndQuery()).isEqualTo("/hooks/in?x=1");
        assertThat(new WebhookUrl("http://h.example").port()).isEqualTo(80);
        assertThat(new WebhookUrl("http://h.example").pathAndQuery()).isEqualTo("/");
        assertThat(new WebhookUrl("https://h.example").https()).isTrue();
    }

    @Test
    void anEventSelectionIsTypesOrEverythingButNotBoth() {
        assertThat(EventSelection.all().includes("referral.voided")).isTrue();
        assertThat(new EventSelection(Set.of("code.created")).includes("code.revoked")).isFalse();
        assertThatThrownBy(() -> new EventSelection(Set.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EventSelection(Set.of("*", "code.created")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aSecretIsWhsecBase64OfItsKeyAndIsNeverPrinted() {
        byte[] key = new byte[32];
        key[31] = 7;
        WebhookSecret secret = WebhookSecret.of(key);

        assertThat(secret.value()).startsWith("whsec_");
        assertThat(secret.key()).isEqualTo(key);
        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
        assertThatThrownBy(() -> new WebhookSecret("sk_abc")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theRetryScheduleSpreadsEachDelayByAtMostTwentyPercentAndEndsAfterItsLastDelay() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));

        assertThat(schedule.delayAfter(1, 0)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(1, 1)).contains(Duration.ofSeconds(6));
        assertThat(schedule.delayAfter(2, -1)).contains(Duration.ofMinutes(4));
        assertThat(schedule.delayAfter(2, 7)).as("jitter is clamped").contains(Duration.ofMinutes(6));
        assertThat(schedule.delayAfter(3, 0)).isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void enoughFailuresInARowDisableAnEndpointAndEnablingItForgetsThem() {
        WebhookEndpoint endpoint = endpoint();
        endpoint.recordFailure(3);
        endpoint.recordFailure(3);
        endpoint.recordSuccess();
        endpoint.recordFailure(3);
        endpoint.recordFailure(3);
        assertThat(endpoint.enabled()).isTrue();

        endpoint.recordFailure(3);

        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabledReason()).isPresent();
        endpoint.enable();
        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.disabledReason()).isEmpty();
        assertThat(endpoint.consecutiveFailures()).isZero();
    }

    @Test
    void aRotatedOutSecretSignsUntilTheOverlapEnds() {
        WebhookEndpoint endpoint = endpoint();
        WebhookSecret old = endpoint.secret();
        byte[] key = new byte[32];
        key[0] = 1;
        WebhookSecret fresh = WebhookSecret.of(key);

        endpoint.rotateSecret(fresh, NOW, Duration.ofHours(1));

        assertThat(endpoint.signingSecrets(NOW.plusSeconds(3599))).containsExactly(fresh, old);
        assertThat(endpoint.signingSecrets(NOW.plusSeconds(3600))).containsExactly(fresh);
    }

    @Test
    void anEndpointNeverReceivesEventsOlderThanItself() {
        WebhookEndpoint endpoint = endpoint();

        assertThat(endpoint.subscribesTo("code.created", NOW.minusMillis(1))).isFalse();
        assertThat(endpoint.subscribesTo("code.created", NOW)).isTrue();
        assertThat(endpoint.subscribesTo("code.revoked", NOW)).isFalse();
        assertThat(endpoint.ownedBy(Optional.empty())).isTrue();
        assertThat(endpoint.ownedBy(Optional.of(UUID.randomUUID()))).isFalse();
    }

    @Test
    void anAttemptIsMadeOnce() {
        WebhookDelivery attempt = WebhookDelivery.first(WebhookId.newId(), UUID.randomUUID(), "code.created", "{}",
                NOW);
        attempt.succeed(200, Duration.ofMillis(3), NOW.plusSeconds(1));

        assertThat(attempt.finishedAt()).contains(NOW.plusSeconds(1));
        assertThatThrownBy(() -> attempt.succeed(200, Duration.ZERO, NOW.plusSeconds(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempt.finishedAt()).contains(NOW.plusSeconds(1));
        assertThat(WebhookDelivery.accepted(299)).isTrue();
        assertThat(WebhookDelivery.accepted(300)).isFalse();
        assertThat(WebhookDelivery.accepted(199)).isFalse();
    }
}
