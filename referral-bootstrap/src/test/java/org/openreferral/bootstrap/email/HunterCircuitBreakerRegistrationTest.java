package org.openreferral.bootstrap.email;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreferral.bootstrap.email.HunterStub.anyVerification;
import static org.openreferral.bootstrap.email.HunterStub.error;
import static org.openreferral.bootstrap.email.HunterStub.verified;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;

/** A sick Hunter costs milliseconds per registration once the breaker is open, and is used again once well. */
@QuarkusTest
@TestProfile(HunterCircuitBreakerRegistrationTest.WithFragileHunter.class)
class HunterCircuitBreakerRegistrationTest {

    /** Hunter configured with a small breaker that half-opens after two seconds. */
    public static class WithFragileHunter implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HunterStub.class, Map.of(
                    "referral.email.hunter.retries", "0",
                    "referral.email.hunter.circuit-breaker.request-volume-threshold", "4",
                    "referral.email.hunter.circuit-breaker.failure-ratio", "0.5",
                    "referral.email.hunter.circuit-breaker.delay", "2s")));
        }
    }

    @Test
    void breakerOpensThenClosesWhenHunterRecovers() {
        HunterStub.server.resetAll();
        HunterStub.server.stubFor(anyVerification().willReturn(error(500, "server_error")));
        for (int i = 0; i < 4; i++) {
            register(201);
        }
        int callsWhenOpen = HunterStub.server.findAll(getRequestedFor(urlPathEqualTo("/v2/email-verifier"))).size();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            register(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
        assertThat(HunterStub.server.findAll(getRequestedFor(urlPathEqualTo("/v2/email-verifier")))).hasSize(callsWhenOpen);

        HunterStub.server.resetAll();
        HunterStub.server.stubFor(anyVerification().willReturn(verified("disposable")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> register() == 422);
        register(422);
    }

    private static void register(int expected) {
        assertThat(register()).isEqualTo(expected);
    }

    private static int register() {
        String username = Api.unique("breaker");
        return Api.register(Api.registration(username, username + "@example.com")).extract().statusCode();
    }
}
