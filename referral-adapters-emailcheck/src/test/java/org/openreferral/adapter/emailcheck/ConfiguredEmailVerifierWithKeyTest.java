package org.openreferral.adapter.emailcheck;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verified;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verifierRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.domain.model.user.Email;

@QuarkusTest
@WithTestResource(HunterStubResource.class)
class ConfiguredEmailVerifierWithKeyTest {

    @Inject
    EmailVerifier verifier;

    @Test
    void withAnApiKeyTheInjectedVerifierAsksHunter() {
        HunterStubResource.server().resetAll();
        // mailinator.com is on the offline list: a DISPOSABLE here would mean the offline verifier answered.
        HunterStubResource.server().stubFor(verifierRequest().willReturn(verified("webmail", "deliverable")));

        EmailVerdict verdict = verifier.verify(new Email("someone@mailinator.com"));

        assertThat(verdict.status()).isEqualTo(Status.WEBMAIL);
        HunterStubResource.server().verify(1, getRequestedFor(urlPathEqualTo(HunterAnswers.PATH))
                .withHeader("X-API-KEY", equalTo(HunterStubResource.API_KEY)));
    }
}
