package org.openreferral.bootstrap.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.webhook.WebhookSecret;

/** The signer against the Standard Webhooks specification's own example, and with two overlapping secrets. */
class HmacWebhookSignaturesTest {

    private final HmacWebhookSignatures signatures = new HmacWebhookSignatures();

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        // standard-webhooks/standard-webhooks: secret, id, timestamp and payload of the spec's example.
        String signature = signatures.sign(List.of(new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void overlappingSecretsGiveOneSignatureEachInOrder() throws Exception {
        byte[] key = new byte[32];
        key[0] = 9;
        WebhookSecret fresh = WebhookSecret.of(key);
        WebhookSecret old = WebhookSecret.of(new byte[32]);

        String header = signatures.sign(List.of(fresh, old), "id-1", 1700000000L, "{}");

        String[] parts = header.split(" ");
        assertThat(parts).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(fresh.value(), "id-1", "1700000000", "{}", parts[0])).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(old.value(), "id-1", "1700000000", "{}", parts[1])).isTrue();
        assertThat(Base64.getDecoder().decode(parts[0].substring(3))).hasSize(32);
    }
}
