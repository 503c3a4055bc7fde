package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.user.Email;

class KeyedHashesTest {

    private final Email address = new Email("jane.doe@example.com");

    @Test
    void instancesSharingTheSecretDeriveTheSameHash() {
        assertThat(new KeyedHashes("shared").of(address)).isEqualTo(new KeyedHashes("shared").of(address));
    }

    @Test
    void anotherSecretDerivesAnotherHash() {
        assertThat(new KeyedHashes("shared").of(address)).isNotEqualTo(new KeyedHashes("other").of(address));
    }

    @Test
    void theHashIsAUrlSafeDigestWithoutTheAddress() {
        assertThat(new KeyedHashes("shared").of(address))
                .hasSize(43)
                .matches("[A-Za-z0-9_-]+")
                .doesNotContain("jane")
                .isNotEqualTo(new KeyedHashes("shared").of(new Email("john.doe@example.com")));
    }

    @Test
    void loginsAndClientAddressesAreHashedLikeAddresses() {
        KeyedHashes hashes = new KeyedHashes("shared");

        assertThat(hashes.of("login-attempts:login:jane")).hasSize(43).doesNotContain("jane");
        assertThat(hashes.of("rate:code-lookup:203.0.113.7")).hasSize(43).doesNotContain("203");
        assertThat(hashes.of(address)).isEqualTo(hashes.of(address.value()));
    }
}
