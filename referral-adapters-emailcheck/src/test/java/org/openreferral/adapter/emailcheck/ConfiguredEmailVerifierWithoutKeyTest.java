package org.openreferral.adapter.emailcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.domain.model.user.Email;

@QuarkusTest
class ConfiguredEmailVerifierWithoutKeyTest {

    @Inject
    EmailVerifier verifier;

    @Test
    void withoutAnApiKeyTheInjectedVerifierChecksOffline() {
        assertThat(verifier.verify(new Email("someone@example.com")))
                .isEqualTo(EmailVerdict.of(EmailVerdict.Status.VALID, OfflineEmailVerifier.CHECKED_OFFLINE));
        assertThat(verifier.verify(new Email("someone@mailinator.com")).status())
                .isEqualTo(EmailVerdict.Status.DISPOSABLE);
    }
}
