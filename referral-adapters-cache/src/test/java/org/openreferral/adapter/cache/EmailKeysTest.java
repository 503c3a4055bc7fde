package org.openreferral.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.user.Email;

class EmailKeysTest {

    private final Email address = new Email("jane.doe@example.com");

    @Test
    void instancesSharingTheSecretDeriveTheSameKey() {
        assertThat(new EmailKeys("shared").of(address)).isEqualTo(new EmailKeys("shared").of(address));
    }

    @Test
    void anotherSecretDerivesAnotherKey() {
        assertThat(new EmailKeys("shared").of(address)).isNotEqualTo(new EmailKeys("other").of(address));
    }

    @Test
    void theKeyIsAUrlSafeDigestWithoutTheAddress() {
        assertThat(new EmailKeys("shared").of(address))
                .hasSize(43)
                .matches("[A-Za-z0-9_-]+")
                .doesNotContain("jane")
                .isNotEqualTo(new EmailKeys("shared").of(new Email("john.doe@example.com")));
    }
}
