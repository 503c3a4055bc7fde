package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;

class Sha256TokenSecretsTest {

    private final Sha256TokenSecrets secrets = new Sha256TokenSecrets();

    @Test
    void aSecretCarries256RandomBitsInUrlSafeBase64() {
        Secret secret = secrets.newSecret();

        assertThat(secret.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(secret.value())).hasSize(32);
    }

    @Test
    void secretsNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(secrets.newSecret().value())).isTrue();
        }
    }

    @Test
    void theStoredDigestIsTheSha256OfTheSecretAndNotTheSecret() {
        Secret secret = secrets.newSecret();

        assertThat(secret.digest()).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(secret.value());
        assertThat(secrets.digestOf(secret.value())).isEqualTo(secret.digest());
        assertThat(secrets.digestOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theSecretIsNotPrinted() {
        Secret secret = secrets.newSecret();

        assertThat(secret.toString()).doesNotContain(secret.value());
    }
}
