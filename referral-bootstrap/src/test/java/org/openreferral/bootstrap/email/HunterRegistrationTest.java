package org.openreferral.bootstrap.email;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.openreferral.bootstrap.email.HunterStub.error;
import static org.openreferral.bootstrap.email.HunterStub.json;
import static org.openreferral.bootstrap.email.HunterStub.verification;
import static org.openreferral.bootstrap.email.HunterStub.verified;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openreferral.adapter.emailcheck.HunterSettings;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;

/** Registration with a Hunter key configured: every row of HUNTER.md's table, seen through the API. */
@QuarkusTest
@TestProfile(HunterRegistrationTest.WithHunter.class)
class HunterRegistrationTest {

    /** The profile's monthly budget: far more than the class spends, until a test spends it on purpose. */
    static final long MONTHLY_BUDGET = 10_000;

    /** Hunter configured, with the breaker out of the way so that every row reaches the stub. */
    public static class WithHunter implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HunterStub.class, Map.of(
                    "referral.email.hunter.monthly-budget", Long.toString(MONTHLY_BUDGET),
                    "referral.email.hunter.read-timeout", "800ms",
                    "referral.email.hunter.retries", "1",
                    "referral.email.hunter.retry-delay", "20ms",
                    "referral.email.hunter.poll-delay", "20ms",
                    "referral.email.hunter.circuit-breaker.request-volume-threshold", "1000")));
        }
    }

    @Inject
    Database database;

    @Inject
    HunterSettings hunter;

    /** How many requests a row costs: one, one plus the retries (5xx, timeout, broken connection), or every poll of a 202. */
    enum Attempts {
        ONCE, RETRIED, POLLED;

        int count(HunterSettings settings) {
            return switch (this) {
                case ONCE -> 1;
                case RETRIED -> settings.retries() + 1;
                case POLLED -> settings.pollAttempts();
            };
        }
    }

    static Stream<Arguments> hunterAnswers() {
        return Stream.of(
                Arguments.of("valid", verified("valid"), 201, Attempts.ONCE),
                Arguments.of("invalid", verified("invalid"), 422, Attempts.ONCE),
                Arguments.of("disposable", verified("disposable"), 422, Attempts.ONCE),
                Arguments.of("webmail", verified("webmail"), 201, Attempts.ONCE),
                Arguments.of("accept_all", verified("accept_all"), 201, Attempts.ONCE),
                Arguments.of("unknown", verified("unknown"), 201, Attempts.ONCE),
                Arguments.of("202 forever", json(202, "{}"), 201, Attempts.POLLED),
                Arguments.of("222", json(222, "{}"), 201, Attempts.ONCE),
                Arguments.of("400", error(400, "wrong_params"), 201, Attempts.ONCE),
                Arguments.of("401", error(401, "authentication_failed"), 201, Attempts.ONCE),
                Arguments.of("403", error(403, "too_many_requests"), 201, Attempts.ONCE),
                Arguments.of("429", error(429, "too_many_requests"), 201, Attempts.ONCE),
                Arguments.of("451", error(451, "claimed_email"), 201, Attempts.ONCE),
                Arguments.of("500", error(500, "server_error"), 201, Attempts.RETRIED),
                Arguments.of("slow", verified("invalid").withFixedDelay(3000), 201, Attempts.RETRIED),
                Arguments.of("reset", com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(Fault.CONNECTION_RESET_BY_PEER), 201, Attempts.RETRIED),
                Arguments.of("malformed", json(200, "{\"data\": {\"status\": "), 201, Attempts.ONCE));
    }

    private static boolean warmedUp;

    /** The first registration after boot loads and initialises much; its time says nothing about Hunter's. */
    @BeforeEach
    void warmUp() {
        if (!warmedUp) {
            String username = Api.unique("warmup");
            HunterStub.server.stubFor(verification(username + "@example.com").willReturn(verified("valid")));
            Api.register(Api.registration(username, username + "@example.com")).statusCode(201);
            warmedUp = true;
        }
    }

    @ParameterizedTest(name = "Hunter answers {0} -> registration {2}")
    @MethodSource("hunterAnswers")
    void registrationFollowsThePolicy(String row, ResponseDefinitionBuilder answer, int expectedStatus,
                                      Attempts attempts) {
        // Each row counts its own requests: earlier rows' requests must not make this one's pass.
        HunterStub.server.resetRequests();
        String username = Api.unique("hunter");
        String email = username + "@example.com";
        HunterStub.server.stubFor(verification(email).willReturn(answer));
        long started = System.nanoTime();
        var response = Api.register(Api.registration(username, email)).statusCode(expectedStatus);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (expectedStatus == 422) {
            response.contentType("application/problem+json")
                    .body("code", equalTo("email-rejected"))
                    .body("detail", containsString(row.equals("invalid") ? "cannot receive mail" : "Disposable"));
            assertThat(database.usersWithEmail(email)).isZero();
        } else {
            assertThat(database.usersWithEmail(email)).isEqualTo(1);
        }
        // Hunter down costs at most the configured timeouts, never more; the rest is the registration itself.
        assertThat(millis).as("registration time with Hunter answering %s", row)
                .isLessThan(worstCaseHunterMillis() + 1_500);
        assertThat(HunterStub.server.findAll(getRequestedFor(urlPathEqualTo("/v2/email-verifier"))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(email))
                .withHeader("X-API-KEY", com.github.tomakehurst.wiremock.client.WireMock.equalTo(HunterStub.KEY))))
                .as("requests to Hunter about %s, with the API key", email)
                .hasSize(attempts.count(hunter));
    }

    @Test
    void twoHundredTwoThenVerdictIsPolled() {
        String username = Api.unique("poll");
        String email = username + "@example.com";
        HunterStub.server.stubFor(verification(email).inScenario("poll").whenScenarioStateIs("Started")
                .willReturn(json(202, "{}")).willSetStateTo("done"));
        HunterStub.server.stubFor(verification(email).inScenario("poll").whenScenarioStateIs("done")
                .willReturn(verified("disposable")));
        Api.register(Api.registration(username, email)).statusCode(422).body("code", equalTo("email-rejected"));
    }

    @Test
    void aFinalVerdictIsCachedSoHunterIsAskedOnce() {
        String username = Api.unique("cached");
        String email = username + "@example.com";
        HunterStub.server.stubFor(verification(email).willReturn(verified("invalid")));
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        long before = countedSince(month);
        Api.register(Api.registration(username, email)).statusCode(422);
        Api.register(Api.registration(username, email)).statusCode(422);
        assertThat(HunterStub.server.findAll(getRequestedFor(urlPathEqualTo("/v2/email-verifier"))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(email)))).hasSize(1);
        assertThat(countedSince(month)).as("the cached verdict costs no budget").isEqualTo(before + 1);
    }

    @Test
    void aCodeThatCannotReferSpendsNoHunterCredit() {
        String username = Api.unique("nocode");
        String email = username + "@example.com";
        HunterStub.server.stubFor(verification(email).willReturn(verified("valid")));
        Map<String, Object> registration = new HashMap<>(Api.registration(username, email));
        registration.put("referralCode", "No-Such-Code-1");

        Api.register(registration).statusCode(422).body("code", equalTo("code-not-found"));

        assertThat(database.usersWithEmail(email)).isZero();
        assertThat(HunterStub.server.findAll(getRequestedFor(urlPathEqualTo("/v2/email-verifier"))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(email))))
                .as("credits spent on a registration whose code was never usable").isEmpty();
    }

    @Test
    void onceTheMonthlyBudgetIsSpentRegistrationGoesOnWithTheOfflineVerdictAndHunterIsNotAsked() {
        String username = Api.unique("budget");
        String email = username + "@example.com";
        String spentUsername = Api.unique("spent");
        String spentEmail = spentUsername + "@example.com";
        String disposableUsername = Api.unique("spent");
        String disposableEmail = disposableUsername + "@mailinator.com";
        // Hunter would accept each of them: a 422 for the mailinator.com address can only be the offline verdict.
        for (String address : List.of(email, spentEmail, disposableEmail)) {
            HunterStub.server.stubFor(verification(address).willReturn(verified("valid")));
        }
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        long before = countedIn(month);

        Api.register(Api.registration(username, email)).statusCode(201);
        assertThat(requestsAbout(email)).isEqualTo(1);
        assertThat(countedSince(month)).as("one request counted").isEqualTo(before + 1);

        try {
            // Other instances spent the rest of this month's budget (and of the next: the test may cross midnight).
            spend(month, MONTHLY_BUDGET);
            spend(month.plusMonths(1), MONTHLY_BUDGET);

            Api.register(Api.registration(spentUsername, spentEmail)).statusCode(201);
            Api.register(Api.registration(disposableUsername, disposableEmail)).statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("email-rejected"))
                    .body("detail", containsString("Disposable"));

            assertThat(database.usersWithEmail(spentEmail)).isEqualTo(1);
            assertThat(database.usersWithEmail(disposableEmail)).isZero();
            assertThat(requestsAbout(spentEmail)).as("requests to Hunter once the budget is spent").isZero();
            assertThat(requestsAbout(disposableEmail)).as("requests to Hunter once the budget is spent").isZero();
            assertThat(countedIn(month)).as("nothing counted beyond the budget").isEqualTo(MONTHLY_BUDGET);
        } finally {
            // The other tests of the class need Hunter: give the month back its real count.
            database.update("update paid_email_checks set calls = ? where month = ?", before + 1, month);
            database.update("delete from paid_email_checks where month = ?", month.plusMonths(1));
        }
    }

    private long countedIn(LocalDate month) {
        return database.number("select coalesce(sum(calls), 0) from paid_email_checks where month = ?", month);
    }

    /** This month's count and any later one's: a test that runs across the end of a month still adds up. */
    private long countedSince(LocalDate month) {
        return database.number("select coalesce(sum(calls), 0) from paid_email_checks where month >= ?", month);
    }

    private void spend(LocalDate month, long calls) {
        database.update("insert into paid_email_checks (month, calls) values (?, ?)"
                + " on conflict (month) do update set calls = excluded.calls", month, calls);
    }

    private static int requestsAbout(String email) {
        return HunterStub.server.findAll(getRequestedFor(urlPathEqualTo("/v2/email-verifier"))
                .withQueryParam("email", com.github.tomakehurst.wiremock.client.WireMock.equalTo(email))
                .withHeader("X-API-KEY", com.github.tomakehurst.wiremock.client.WireMock.equalTo(HunterStub.KEY)))
                .size();
    }

    /** Every attempt times out (connect + read), with the retry delays and the polls of a 202 on top. */
    private long worstCaseHunterMillis() {
        long attempt = hunter.connectTimeout().toMillis() + hunter.readTimeout().toMillis();
        return (hunter.retries() + 1) * attempt + hunter.retries() * hunter.retryDelay().toMillis()
                + hunter.pollAttempts() * hunter.pollDelay().toMillis();
    }
}
