package org.openreferral.adapter.emailcheck;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreferral.adapter.emailcheck.HunterAnswers.error;
import static org.openreferral.adapter.emailcheck.HunterAnswers.json;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verified;
import static org.openreferral.adapter.emailcheck.HunterAnswers.verifierRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.fakes.InMemoryPaidEmailCheckCounter;
import org.openreferral.application.fakes.MutableClock;
import org.openreferral.domain.model.user.Email;

/** The monthly Hunter budget: requests counted as they are made, the offline verdict once the month's are spent. */
@QuarkusTest
@WithTestResource(HunterStubResource.class)
class HunterMonthlyBudgetTest {

    private static final Instant LAST_OF_MARCH = Instant.parse("2026-03-31T23:59:00Z");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final EmailVerdict OFFLINE_VALID = EmailVerdict.of(Status.VALID, OfflineEmailVerifier.CHECKED_OFFLINE);

    @Inject
    HunterSettings settings;

    @Inject
    ObjectMapper json;

    private final WireMockServer stub = HunterStubResource.server();
    private final InMemoryPaidEmailCheckCounter counter = new InMemoryPaidEmailCheckCounter();
    private final MutableClock clock = new MutableClock(LAST_OF_MARCH);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private HunterEmailVerifier verifier;
    private CapturedLogs logs;

    @BeforeEach
    void freshStub() {
        stub.resetAll();
        logs = CapturedLogs.install();
    }

    @AfterEach
    void closeVerifier() {
        if (verifier != null) {
            verifier.close();
        }
        logs.uninstall();
    }

    private HunterEmailVerifier withBudget(long budget) {
        return withBudget(budget, counter);
    }

    private HunterEmailVerifier withBudget(long budget, PaidEmailCheckCounter counter) {
        verifier = Verifiers.withBudget(settings, json, Optional.of(budget), counter, clock, meters);
        return verifier;
    }

    private int requestsAbout(String address) {
        return stub.findAll(getRequestedFor(urlPathEqualTo(HunterAnswers.PATH))
                .withQueryParam("email", equalTo(address))
                .withHeader("X-API-KEY", equalTo(HunterStubResource.API_KEY))).size();
    }

    private long budgetWarnings() {
        return logs.lines().stream().filter(line -> line.level().intValue() >= Level.WARNING.intValue())
                .filter(line -> line.text().contains("monthly Hunter.io budget")).count();
    }

    private double fallbacks(String reason) {
        return meters.counter("referral.email.hunter.offline.fallbacks", "reason", reason).count();
    }

    private double remaining() {
        return meters.get("referral.email.hunter.budget.remaining").gauge().value();
    }

    @Test
    void eachAddressAskedCostsOneAndTheSpentBudgetIsAnsweredOffline() {
        stub.stubFor(verifierRequest().willReturn(verified("webmail", "deliverable")));
        HunterEmailVerifier hunter = withBudget(2);

        assertThat(hunter.verify(new Email("first@example.com")).status()).isEqualTo(Status.WEBMAIL);
        assertThat(remaining()).isEqualTo(1);
        assertThat(hunter.verify(new Email("second@example.com")).status()).isEqualTo(Status.WEBMAIL);
        EmailVerdict third = hunter.verify(new Email("third@example.com"));
        // Hunter would say webmail; mailinator.com is on the offline list, so DISPOSABLE is the offline verdict.
        EmailVerdict fourth = hunter.verify(new Email("fourth@mailinator.com"));

        assertThat(requestsAbout("first@example.com")).isEqualTo(1);
        assertThat(requestsAbout("second@example.com")).isEqualTo(1);
        assertThat(third).isEqualTo(OFFLINE_VALID);
        assertThat(requestsAbout("third@example.com")).isZero();
        assertThat(fourth.status()).isEqualTo(Status.DISPOSABLE);
        assertThat(requestsAbout("fourth@mailinator.com")).isZero();
        assertThat(counter.counted(MARCH)).isEqualTo(2);
        assertThat(remaining()).isZero();
        assertThat(fallbacks("budget")).isEqualTo(2);
    }

    @Test
    void pollsAndRetriesOfOneAddressAreCountedOnce() {
        stub.stubFor(verifierRequest().withQueryParam("email", equalTo("slow@example.com")).willReturn(json(202, "{}")));
        stub.stubFor(verifierRequest().withQueryParam("email", equalTo("sick@example.com"))
                .willReturn(error(500, "server_error")));
        HunterEmailVerifier hunter = withBudget(10);

        hunter.verify(new Email("slow@example.com"));
        hunter.verify(new Email("sick@example.com"));

        assertThat(requestsAbout("slow@example.com")).isEqualTo(settings.pollAttempts()).isGreaterThan(1);
        assertThat(requestsAbout("sick@example.com")).isEqualTo(settings.retries() + 1).isGreaterThan(1);
        assertThat(counter.counted(MARCH)).isEqualTo(2);
    }

    @Test
    void theSpentBudgetIsWarnedAboutOnceAMonthAndANewMonthAsksHunterAgain() {
        stub.stubFor(verifierRequest().willReturn(verified("invalid", "undeliverable")));
        HunterEmailVerifier hunter = withBudget(1);

        assertThat(hunter.verify(new Email("march@example.com")).status()).isEqualTo(Status.INVALID);
        for (int i = 0; i < 3; i++) {
            assertThat(hunter.verify(new Email("late" + i + "@example.com"))).isEqualTo(OFFLINE_VALID);
        }
        assertThat(budgetWarnings()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(remaining()).as("April's budget is untouched").isEqualTo(1);
        assertThat(hunter.verify(new Email("april@example.com")).status()).isEqualTo(Status.INVALID);
        assertThat(hunter.verify(new Email("april2@example.com"))).isEqualTo(OFFLINE_VALID);

        assertThat(requestsAbout("april@example.com")).isEqualTo(1);
        assertThat(requestsAbout("april2@example.com")).isZero();
        assertThat(counter.counted(MARCH.plusMonths(1))).isEqualTo(1);
        assertThat(budgetWarnings()).isEqualTo(2);
    }

    @Test
    void requestsCountedByAnotherInstanceSpendTheSameBudget() {
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));
        HunterEmailVerifier hunter = withBudget(3);
        counter.countIfBelow(MARCH, 3);
        counter.countIfBelow(MARCH, 3);

        assertThat(hunter.verify(new Email("mine@example.com")).status()).isEqualTo(Status.VALID);
        assertThat(hunter.verify(new Email("over@example.com"))).isEqualTo(OFFLINE_VALID);

        assertThat(requestsAbout("mine@example.com")).isEqualTo(1);
        assertThat(requestsAbout("over@example.com")).isZero();
    }

    @Test
    void aZeroBudgetNeverAsksHunter() {
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));

        assertThat(withBudget(0).verify(new Email("someone@example.com"))).isEqualTo(OFFLINE_VALID);

        assertThat(stub.findAll(getRequestedFor(urlPathEqualTo(HunterAnswers.PATH)))).isEmpty();
    }

    @Test
    void aRequestThatCannotBeCountedIsNotMade() {
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));
        PaidEmailCheckCounter broken = new PaidEmailCheckCounter() {
            @Override
            public OptionalLong countIfBelow(YearMonth month, long budget) {
                throw new IllegalStateException("the database is unavailable");
            }

            @Override
            public long counted(YearMonth month) {
                throw new IllegalStateException("the database is unavailable");
            }
        };

        assertThat(withBudget(5, broken).verify(new Email("someone@mailinator.com")).status())
                .isEqualTo(Status.DISPOSABLE);

        assertThat(stub.findAll(getRequestedFor(urlPathEqualTo(HunterAnswers.PATH)))).isEmpty();
    }

    @Test
    void withoutABudgetNothingIsCounted() {
        stub.stubFor(verifierRequest().willReturn(verified("valid", "deliverable")));
        verifier = Verifiers.withBudget(settings, json, Optional.empty(), counter, clock, meters);

        for (int i = 0; i < 3; i++) {
            assertThat(verifier.verify(new Email("n" + i + "@example.com")).status()).isEqualTo(Status.VALID);
        }

        assertThat(counter.counted(MARCH)).isZero();
        assertThat(meters.find("referral.email.hunter.budget.remaining").gauge()).isNull();
    }
}
