package org.openreferral.adapter.emailcheck;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreferral.adapter.emailcheck.HunterAnswers.error;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verified;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verifierRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.domain.model.user.Email;

// A fresh verifier per test means a fresh, closed breaker; the test profile shortens its delay to 1s.
@QuarkusTest
@WithTestResource(HunterStubResource.class)
class HunterCircuitBreakerTest {

    private static final Email ADDRESS = new Email("someone@example.com");

    @Inject
    HunterSettings settings;

    @Inject
    ObjectMapper json;

    private final WireMockServer stub = HunterStubResource.server();
    private HunterEmailVerifier verifier;

    @BeforeEach
    void freshVerifierAndStub() {
        stub.resetAll();
        verifier = Verifiers.unlimited(settings, json);
    }

    @AfterEach
    void closeVerifier() {
        verifier.close();
    }

    private int requestsToHunter() {
        return stub.findAll(getRequestedFor(urlPathEqualTo(HunterAnswers.PATH))).size();
    }

    @Test
    void repeatedHunterTroubleStopsTheCallsUntilHunterRecovers() throws InterruptedException {
        stub.stubFor(verifierRequest().willReturn(error(500, "internal_error")));
        int threshold = settings.circuitBreaker().requestVolumeThreshold();
        for (int i = 0; i < threshold && verifier.breakerState() != CircuitBreakerState.OPEN; i++) {
            assertThat(verifier.verify(ADDRESS).failed()).isTrue();
        }
        assertThat(verifier.breakerState()).isEqualTo(CircuitBreakerState.OPEN);
        int requestsBeforeOpening = requestsToHunter();
        assertThat(requestsBeforeOpening).isEqualTo(threshold);

        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            EmailVerdict verdict = verifier.verify(ADDRESS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(verdict.failed()).isTrue();
            assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
            assertThat(elapsed).isLessThan(Duration.ofMillis(200));
        }
        assertThat(requestsToHunter()).isEqualTo(requestsBeforeOpening);

        stub.resetAll();
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));
        Thread.sleep(settings.circuitBreaker().delay().plusMillis(200).toMillis());

        EmailVerdict afterRecovery = verifier.verify(ADDRESS);
        assertThat(afterRecovery.failed()).isFalse();
        assertThat(afterRecovery.status()).isEqualTo(Status.VALID);
        assertThat(verifier.breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
        for (int i = 0; i < 3; i++) {
            assertThat(verifier.verify(ADDRESS).status()).isEqualTo(Status.VALID);
        }
        assertThat(requestsToHunter()).isEqualTo(4);
    }

    @Test
    void badRequestsDoNotOpenTheBreaker() {
        stub.stubFor(verifierRequest().willReturn(error(400, "wrong_params")));
        int calls = 2 * settings.circuitBreaker().requestVolumeThreshold();

        for (int i = 0; i < calls; i++) {
            assertThat(verifier.verify(ADDRESS).failed()).isTrue();
        }

        assertThat(requestsToHunter()).isEqualTo(calls);
        assertThat(verifier.breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void optedOutPeopleDoNotOpenTheBreaker() {
        stub.stubFor(verifierRequest().willReturn(error(451, "claimed_email")));
        int calls = 2 * settings.circuitBreaker().requestVolumeThreshold();

        for (int i = 0; i < calls; i++) {
            assertThat(verifier.verify(ADDRESS).status()).isEqualTo(Status.UNKNOWN);
        }

        assertThat(requestsToHunter()).isEqualTo(calls);
        assertThat(verifier.breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void anExhaustedQuotaDoesNotOpenTheBreaker() {
        stub.stubFor(verifierRequest().willReturn(error(429, "too_many_requests")));
        int calls = 2 * settings.circuitBreaker().requestVolumeThreshold();

        for (int i = 0; i < calls; i++) {
            assertThat(verifier.verify(ADDRESS).failed()).isFalse();
        }

        assertThat(requestsToHunter()).isEqualTo(calls);
        assertThat(verifier.breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
    }
}
