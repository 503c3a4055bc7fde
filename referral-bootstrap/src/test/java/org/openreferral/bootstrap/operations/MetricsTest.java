package org.openreferral.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;

@QuarkusTest
class MetricsTest {

    @Test
    void businessCountersAndHttpTimingsArePublishedForPrometheus() {
        double registrations = counter("referral_registrations_total", "referred=\"true\"");
        double referrals = counter("referral_referrals_total", null);
        double hits = counter("referral_code_lookup_cache_total", "result=\"hit\"");
        double misses = counter("referral_code_lookup_cache_total", "result=\"miss\"");
        double notFound = counter("referral_code_lookups_total", "outcome=\"not_found\"");
        double loginFailures = counter("referral_login_failures_total", null);
        double offlineVerdicts = counter("referral_email_verdicts_total", "status=\"valid\"");

        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        given().queryParam("email", alice.email()).get("/api/v1/referral-codes/lookup").then().statusCode(200);
        given().queryParam("email", alice.email()).get("/api/v1/referral-codes/lookup").then().statusCode(200);
        given().queryParam("email", Api.unique("none") + "@example.com").get("/api/v1/referral-codes/lookup")
                .then().statusCode(404);
        String name = Api.unique("referred");
        Api.registerAndLogin(name, name + "@example.com", code);
        given().contentType(ContentType.URLENC).formParam("username", alice.username()).formParam("password", "wrong one!")
                .post("/api/v1/auth/token").then().statusCode(401);

        assertThat(counter("referral_registrations_total", "referred=\"true\"")).isEqualTo(registrations + 1);
        assertThat(counter("referral_referrals_total", null)).isEqualTo(referrals + 1);
        assertThat(counter("referral_code_lookup_cache_total", "result=\"hit\"")).isGreaterThanOrEqualTo(hits + 1);
        assertThat(counter("referral_code_lookup_cache_total", "result=\"miss\"")).isGreaterThanOrEqualTo(misses + 2);
        assertThat(counter("referral_code_lookups_total", "outcome=\"not_found\"")).isEqualTo(notFound + 1);
        assertThat(counter("referral_login_failures_total", null)).isEqualTo(loginFailures + 1);
        assertThat(counter("referral_email_verdicts_total", "status=\"valid\"")).isGreaterThanOrEqualTo(offlineVerdicts + 2);
        assertThat(metrics()).contains("http_server_requests_seconds_count{").contains("uri=\"/api/v1/referral-codes/lookup\"");
    }

    @Test
    void thePasswordHashingQueueIsPublished() {
        double waited = counter("referral_password_hashing_wait_seconds_count", null);

        Api.newUser();

        // Registration and login each hash once.
        assertThat(counter("referral_password_hashing_wait_seconds_count", null)).isGreaterThanOrEqualTo(waited + 2);
        assertThat(metrics()).containsPattern("(?m)^referral_password_hashing_waiting [0-9.eE+-]+$")
                .contains("referral_password_hashing_wait_seconds_sum")
                .contains("referral_password_hashing_refused_total{reason=\"queue-full\"}")
                .contains("referral_password_hashing_refused_total{reason=\"wait-timeout\"}");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double counter(String name, String label) {
        Pattern line = Pattern.compile("^" + name + "(?:\\{([^}]*)\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics());
        double sum = 0;
        while (matcher.find()) {
            if (label == null || (matcher.group(1) != null && matcher.group(1).contains(label))) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }
}
