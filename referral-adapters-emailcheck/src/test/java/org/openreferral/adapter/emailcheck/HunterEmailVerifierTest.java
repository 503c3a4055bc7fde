package org.openreferral.adapter.emailcheck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreferral.adapter.emailcheck.HunterAnswers.error;
import static org.openreferral.adapter.emailcheck.HunterAnswers.json;
import static org.openreferral.adapter.emailcheck.HunterAnswers.resultOnly;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verified;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verifierRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.domain.model.user.Email;

// Each test gets its own verifier, so its circuit breaker, rate limiter and "logged once" flag start fresh.
@QuarkusTest
@WithTestResource(HunterStubResource.class)
class HunterEmailVerifierTest {

    private static final Email ADDRESS = new Email("someone@example.com");

    @Inject
    HunterSettings settings;

    @Inject
    ObjectMapper json;

    private final WireMockServer stub = HunterStubResource.server();
    private final List<EmailVerdict> verdicts = new ArrayList<>();
    private HunterEmailVerifier verifier;
    private CapturedLogs logs;

    @BeforeEach
    void freshVerifierAndStub() {
        stub.resetAll();
        logs = CapturedLogs.install();
        verifier = Verifiers.unlimited(settings, json);
    }

    @AfterEach
    void keyNeverLeaves() {
        verifier.close();
        logs.uninstall();
        for (LoggedRequest request : stub.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(request.getHeader("X-API-KEY")).isEqualTo(HunterStubResource.API_KEY);
            assertThat(request.getUrl()).doesNotContain(HunterStubResource.API_KEY).doesNotContain("api_key");
        }
        assertThat(verdicts).extracting(EmailVerdict::reason).noneMatch(reason -> reason.contains(HunterStubResource.API_KEY));
        assertThat(logs.lines()).extracting(CapturedLogs.Line::text)
                .filteredOn(text -> !text.startsWith("com.github.tomakehurst") && !text.startsWith("WireMock"))
                .noneMatch(text -> text.contains(HunterStubResource.API_KEY));
    }

    private EmailVerdict verify(Email email) {
        EmailVerdict verdict = verifier.verify(email);
        verdicts.add(verdict);
        return verdict;
    }

    private int requestsToHunter() {
        return stub.findAll(getRequestedFor(urlPathEqualTo(HunterAnswers.PATH))).size();
    }

    @ParameterizedTest
    @CsvSource({
            "valid,      deliverable,   VALID",
            "invalid,    undeliverable, INVALID",
            "disposable, risky,         DISPOSABLE",
            "webmail,    deliverable,   WEBMAIL",
            "accept_all, risky,         ACCEPT_ALL",
            "unknown,    risky,         UNKNOWN"})
    void hunterStatusBecomesTheVerdict(String hunterStatus, String result, Status expected) {
        stub.stubFor(verifierRequest().willReturn(verified(hunterStatus, result)));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.reason()).isNotBlank();
        stub.verify(1, getRequestedFor(urlPathEqualTo(HunterAnswers.PATH))
                .withQueryParam("email", equalTo("someone@example.com"))
                .withHeader("X-API-KEY", equalTo(HunterStubResource.API_KEY)));
    }

    @ParameterizedTest
    @CsvSource({"deliverable, VALID", "undeliverable, INVALID", "risky, UNKNOWN"})
    void deprecatedResultIsUsedWhenStatusIsMissing(String result, Status expected) {
        stub.stubFor(verifierRequest().willReturn(resultOnly(result)));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.failed()).isFalse();
    }

    @Test
    void statusHunterAddedLaterFallsBackToResult() {
        stub.stubFor(verifierRequest().willReturn(verified("some_future_status", "undeliverable")));

        assertThat(verify(ADDRESS).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void plusTagIsSentIntact() {
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));

        verify(new Email("some+tag@example.com"));

        // A bare "+" in a query string reads as a space, so it must travel as %2B.
        assertThat(stub.findAll(getRequestedFor(urlPathEqualTo(HunterAnswers.PATH))))
                .singleElement().extracting(LoggedRequest::getUrl).asString().contains("some%2Btag");
    }

    @Test
    void stillRunningVerificationIsPolledUntilItCompletes() {
        stub.stubFor(verifierRequest().inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(202, "{}")).willSetStateTo("done"));
        stub.stubFor(verifierRequest().inScenario("slow").whenScenarioStateIs("done")
                .willReturn(verified("valid", "deliverable")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(Status.VALID);
        assertThat(verdict.failed()).isFalse();
        assertThat(requestsToHunter()).isEqualTo(2);
    }

    @Test
    void verificationThatNeverCompletesIsUnknownAfterThePollAttempts() {
        stub.stubFor(verifierRequest().willReturn(json(202, "{}")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
        assertThat(verdict.failed()).isFalse();
        assertThat(requestsToHunter()).isEqualTo(settings.pollAttempts());
    }

    @Test
    void unexpectedMailServerAnswerIsUnknownButNotAFailure() {
        stub.stubFor(verifierRequest().willReturn(json(222, "{}")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
        assertThat(verdict.failed()).isFalse();
        assertThat(requestsToHunter()).isEqualTo(1);
    }

    @Test
    void badRequestIsAFailureAndNeverRetried() {
        stub.stubFor(verifierRequest().willReturn(error(400, "wrong_params")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
        assertThat(requestsToHunter()).isEqualTo(1);
    }

    @Test
    void rejectedKeyIsAFailureLoggedOnceAsAConfigurationError() {
        stub.stubFor(verifierRequest().willReturn(error(401, "authentication_failed")));

        EmailVerdict first = verify(ADDRESS);
        EmailVerdict second = verify(ADDRESS);

        assertThat(first.failed()).isTrue();
        assertThat(second.failed()).isTrue();
        assertThat(requestsToHunter()).isEqualTo(2);
        assertThat(logs.lines()).filteredOn(line -> line.level().intValue() >= Level.SEVERE.intValue())
                .extracting(CapturedLogs.Line::text)
                .singleElement().asString().contains("Configuration error", "HTTP 401");
    }

    @Test
    void hunterRateLimitIsAFailureAndHoldsBackTheNextRequest() {
        stub.stubFor(verifierRequest().willReturn(error(403, "too_many_requests")));

        EmailVerdict first = verify(ADDRESS);
        assertThat(first.failed()).isTrue();
        assertThat(requestsToHunter()).isEqualTo(1);

        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));
        long start = System.nanoTime();
        EmailVerdict next = verify(ADDRESS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(next.status()).isEqualTo(Status.VALID);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(requestsToHunter()).isEqualTo(2);
    }

    @Test
    void exhaustedQuotaIsAnsweredOfflineNotRetriedAndWarnedOnce() {
        stub.stubFor(verifierRequest().willReturn(error(429, "too_many_requests")));

        EmailVerdict verdict = verify(ADDRESS);
        // mailinator.com is on the offline list: DISPOSABLE proves the offline verifier answered.
        EmailVerdict disposable = verify(new Email("someone@mailinator.com"));

        assertThat(verdict).isEqualTo(EmailVerdict.of(Status.VALID, OfflineEmailVerifier.CHECKED_OFFLINE));
        assertThat(disposable.status()).isEqualTo(Status.DISPOSABLE);
        assertThat(requestsToHunter()).isEqualTo(2);
        assertThat(logs.lines()).filteredOn(line -> line.level().intValue() >= Level.WARNING.intValue())
                .extracting(CapturedLogs.Line::text).filteredOn(text -> text.contains("HTTP 429")).hasSize(1);

        stub.stubFor(verifierRequest().willReturn(verified("invalid", "undeliverable")));
        assertThat(verify(ADDRESS).status()).as("Hunter again once it answers").isEqualTo(Status.INVALID);
        stub.stubFor(verifierRequest().willReturn(error(429, "too_many_requests")));
        verify(ADDRESS);
        assertThat(logs.lines()).filteredOn(line -> line.level().intValue() >= Level.WARNING.intValue())
                .extracting(CapturedLogs.Line::text).filteredOn(text -> text.contains("HTTP 429")).hasSize(2);
    }

    @Test
    void personWhoOptedOutIsUnknownButNotAFailure() {
        stub.stubFor(verifierRequest().willReturn(error(451, "claimed_email")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
        assertThat(verdict.failed()).isFalse();
    }

    @Test
    void serverErrorIsRetriedBrieflyThenAFailure() {
        stub.stubFor(verifierRequest().willReturn(error(500, "internal_error")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.failed()).isTrue();
        assertThat(requestsToHunter()).isEqualTo(1 + settings.retries());
    }

    @Test
    void serverErrorFollowedByAnAnswerGivesTheAnswer() {
        stub.stubFor(verifierRequest().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "unavailable")).willSetStateTo("up"));
        stub.stubFor(verifierRequest().inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(verified("invalid", "undeliverable")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.status()).isEqualTo(Status.INVALID);
        assertThat(verdict.failed()).isFalse();
    }

    @Test
    void answerSlowerThanTheReadTimeoutIsAFailure() {
        Duration readTimeout = settings.readTimeout();
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")
                .withFixedDelay((int) readTimeout.toMillis() + 1_000)));

        long start = System.nanoTime();
        EmailVerdict verdict = verify(ADDRESS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(verdict.failed()).isTrue();
        assertThat(requestsToHunter()).isEqualTo(1 + settings.retries());
        assertThat(elapsed).isLessThan(readTimeout.multipliedBy(1 + settings.retries()).plusSeconds(1));
    }

    @Test
    void connectionResetIsRetriedThenAFailure() {
        stub.stubFor(verifierRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.failed()).isTrue();
        assertThat(requestsToHunter()).isEqualTo(1 + settings.retries());
    }

    @Test
    void malformedJsonIsAFailure() {
        stub.stubFor(verifierRequest().willReturn(json(200, "{\"data\": {\"status\": \"val")));

        EmailVerdict verdict = verify(ADDRESS);

        assertThat(verdict.failed()).isTrue();
        assertThat(requestsToHunter()).isEqualTo(1);
    }

    @Test
    void answerWithoutAnyStatusIsAFailure() {
        stub.stubFor(verifierRequest().willReturn(json(200, "{\"data\": {\"score\": 10}}")));

        assertThat(verify(ADDRESS).failed()).isTrue();
    }

    @Test
    void burstAboveTheRateLimitIsSpreadOverTime() {
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));
        int burst = settings.rateLimitPerSecond() + 3;

        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            assertThat(verify(ADDRESS).failed()).isFalse();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // The first rateLimitPerSecond requests go at once; the rest wait for the one-second window to move on.
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(requestsToHunter()).isEqualTo(burst);
    }
}
