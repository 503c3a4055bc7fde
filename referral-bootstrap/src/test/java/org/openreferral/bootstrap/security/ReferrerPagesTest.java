package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * The referrer's pages over plain HTTP (the browser test, ReferrerPagesBrowserTest, needs Chromium; these run
 * everywhere): the share page's states, its QR code, the share link in the API, the security headers, and the
 * share page's place in the code-lookup budget.
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class ReferrerPagesTest extends SecurityTestBase {

    @Test
    void unknownExpiredAndRevokedCodesGetTheSamePage() {
        TestUser alice = Api.newUser();
        String revoked = Api.createCode(alice, null);
        alice.as().delete("/api/v1/referral-codes/" + revoked).then().statusCode(204);
        TestUser bob = Api.newUser();
        String expired = Api.createCode(bob, null);
        TestClockProducer.CLOCK.advance(Duration.ofDays(31));

        String unknown = sharePage("Never-issued-1").extract().asString();
        assertThat(sharePage(expired).extract().asString()).isEqualTo(unknown);
        assertThat(sharePage(revoked).extract().asString()).isEqualTo(unknown);
        assertThat(sharePage("not a code!").extract().asString()).isEqualTo(unknown);
        assertThat(unknown).contains("does not work any more").contains("data-code=\"\"");
    }

    @Test
    void anActiveCodesPageInvitesWithoutNamingTheReferrer() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);

        sharePage(code)
                .body(containsString("invited you"))
                .body(containsString("data-code=\"" + code + "\""))
                .body(not(containsString(alice.username())))
                .body(not(containsString(alice.email())));
    }

    @Test
    void theShareLinkIsOnThePublicBaseAndItsQrCodeIsAnSvg() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);

        alice.as().get("/api/v1/referral-codes/active").then().statusCode(200)
                .body("shareLink", equalTo(AccountSecurityProfile.SHARE_LINK_BASE + code));
        alice.as().get("/api/v1/users/me/referral-stats").then().statusCode(200)
                .body("activeCode.shareLink", equalTo(AccountSecurityProfile.SHARE_LINK_BASE + code));
        given().get("/r/" + code + "/qr.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        given().get("/r/no!/qr.svg").then().statusCode(404);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/app/", "/app/dashboard.js", "/r/Never-issued-2", "/verify-email"}) {
            given().redirects().follow(false).get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        given().redirects().follow(false).get("/app").then().statusCode(302).header("Location", endsWith("/app/"));
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", endsWith("/app/"));
        given().get("/app/config.json").then().statusCode(200).body("codeMaxTtlDays", equalTo(365));
    }

    @Test
    void theSharePageCountsAgainstTheCodeLookupBudget() {
        for (int i = 0; i < AccountSecurityProfile.LOOKUP_BUDGET; i++) {
            sharePage("Never-issued-3");
        }
        given().get("/r/Never-issued-3").then().statusCode(429).header("Retry-After", not(equalTo(null)));
    }

    private static ValidatableResponse sharePage(String code) {
        return given().get("/r/" + code).then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", equalTo("no-store"));
    }
}
