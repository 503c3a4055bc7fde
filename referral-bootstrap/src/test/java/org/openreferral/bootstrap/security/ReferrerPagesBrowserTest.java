package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * The referrer's pages in headless Chromium, end to end: the referrer registers and creates a code in the dashboard;
 * the invited visitor signs up on the share page and is asked to confirm the email; the referrer sees the referral
 * PENDING; the visitor confirms with the link from the mail (GreenMail), and the referrer sees it REWARDED. Sign out
 * kills the session; expired and unknown codes get the same page; the pages fit a phone-sized screen. No browser
 * console error and no 5xx from the app during the run. Screenshots in target/browser/.
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class ReferrerPagesBrowserTest extends SecurityTestBase {

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void anInvitationFromShareLinkToReward() {
        long serverErrorsBefore = serverErrors();
        String base = "http://127.0.0.1:" + RestAssured.port;
        String alice = Api.unique("alice");
        String bob = Api.unique("bob");
        try (Browser browser = Browser.start()) {
            // The referrer creates an account in the dashboard: signed in at once, email not yet confirmed.
            browser.open(base + "/app");
            browser.fill("#register-username", alice);
            browser.fill("#register-email", alice + "@example.com");
            browser.fill("#register-password", PASSWORD);
            browser.find("#register button[type=submit]").click();
            browser.textContaining("#verification-state", "not confirmed yet");
            browser.visible("#resend").click();
            browser.textContaining("#resend-result", "on its way");
            Map<String, String> tokens = tokensOfTheSignIn(browser);

            // ... and creates a code with the expiry picker's default: the share link, copy button and QR code show.
            browser.visible("#code-expires");
            browser.find("#create-code button[type=submit]").click();
            String code = browser.visible("#code-value").getText();
            assertThat(browser.find("#share-link").getAttribute("value"))
                    .isEqualTo(AccountSecurityProfile.SHARE_LINK_BASE + code);
            browser.find("#copy-link").click();
            assertThat(browser.textContaining("#copy-result", "ink")).isNotBlank();
            browser.until(d -> (Boolean) browser.script(
                    "const qr = document.getElementById('qr'); return qr.complete && qr.naturalWidth > 0;"));
            String referrerWindow = browser.driver().getWindowHandle();

            // The invited visitor opens the share link (on this test server), which never names the referrer.
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(base + "/r/" + code);
            assertThat(browser.textContaining("#invitation", "invited you")).doesNotContain(alice);
            assertThat(browser.driver().getPageSource()).doesNotContain(alice);
            browser.screenshot("share-page");
            fitsANarrowScreen(browser, "share-page-narrow");
            browser.fill("#signup-username", bob);
            browser.fill("#signup-email", bob + "@example.org");
            browser.fill("#signup-password", PASSWORD);
            browser.find("#signup-password").sendKeys(Keys.ENTER); // the keyboard alone submits the form
            browser.textContaining("#signup-done", "confirm your email address");
            browser.screenshot("share-page-signed-up");

            // The referrer sees the referral, waiting for the referee's confirmation.
            browser.driver().switchTo().window(referrerWindow);
            awaitStatus(browser, bob, "PENDING");

            // The visitor confirms with the link from the mail; the token leaves the address bar.
            String token = Mailbox.awaitToken(bob + "@example.org", EmailVerificationTest.SUBJECT, 1,
                    EmailVerificationTest.LINK);
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(base + "/verify-email?token=" + token);
            browser.textContaining("#verify-state", "is confirmed");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(token);
            browser.screenshot("verify-email");

            // The referral is REWARDED (the default qualifying condition is the referee's verified email).
            browser.driver().switchTo().window(referrerWindow);
            awaitStatus(browser, bob, "REWARDED");
            browser.textContaining("#balance", "10");
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("dashboard");
            fitsANarrowScreen(browser, "dashboard-narrow");

            // Tokens only in memory: nothing in storage that outlives the tab, nothing in any URL.
            assertThat(browser.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
            assertThat(browser.script("return document.cookie")).isEqualTo("");
            assertThat(requestedUrls(browser)).isNotEmpty()
                    .noneMatch(url -> url.contains(tokens.get("access_token")))
                    .noneMatch(url -> url.contains(tokens.get("refresh_token")));

            // Sign out kills the session: the access token and the refresh token of the sign-in stop working.
            given().auth().oauth2(tokens.get("access_token")).get("/api/v1/users/me").then().statusCode(200);
            browser.find("#sign-out").click();
            browser.visible("#sign-in-username");
            browser.textContaining("#session-state", "signed out");
            given().auth().oauth2(tokens.get("access_token")).get("/api/v1/users/me").then().statusCode(401);
            given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                    .formParam("refresh_token", tokens.get("refresh_token"))
                    .post("/api/v1/auth/token").then().statusCode(401);

            expiredAndUnknownCodesLookAlike(browser, base);

            assertThat(browser.console()).as("browser console errors")
                    .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
            assertThat(responseStatuses(browser)).as("answers the browser got").isNotEmpty().allMatch(s -> s < 500);
        }
        assertThat(serverErrors()).as("5xx answers of the app during the run").isEqualTo(serverErrorsBefore);
    }

    private void expiredAndUnknownCodesLookAlike(Browser browser, String base) {
        TestUser carol = Api.newUser();
        String expiring = Api.createCode(carol, null);
        TestClockProducer.CLOCK.advance(Duration.ofDays(31));

        browser.open(base + "/r/" + expiring);
        String expired = pageText(browser);
        browser.screenshot("share-page-closed");
        browser.open(base + "/r/Never-issued-" + Api.unique("x").replace('_', '-'));
        String unknown = pageText(browser);

        assertThat(expired).contains("does not work any more").isEqualTo(unknown);
        assertThat(browser.find("#signup").getAttribute("data-code")).isEmpty();
    }

    /** On a phone-sized window the page needs no sideways scrolling (wide tables scroll in their own box). */
    private static void fitsANarrowScreen(Browser browser, String screenshot) {
        Dimension size = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.until(d -> ((Number) browser.script("return window.innerWidth")).intValue() <= 400);
            assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                    .as("page width on a 390 px wide screen")
                    .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth")).intValue());
            browser.screenshot(screenshot);
        } finally {
            browser.driver().manage().window().setSize(size);
        }
    }

    private static String pageText(Browser browser) {
        return browser.driver().getTitle() + "\n" + browser.script("return document.body.innerText");
    }

    /** Refreshes the dashboard (its Refresh button) until the referee's row shows the status; fails after 20 s. */
    private static void awaitStatus(Browser browser, String referee, String status) {
        browser.until(d -> {
            browser.find("#reload").click();
            return status.equals(browser.script("""
                    const row = [...document.querySelectorAll('#referrals tbody tr')]
                        .find(r => r.dataset.referee === arguments[0]);
                    return row ? row.querySelector('[data-field=status]').textContent : null;""", referee));
        });
    }

    /** The token answer of the dashboard's sign-in, read from the browser's own network log (DevTools). */
    private static Map<String, String> tokensOfTheSignIn(Browser browser) {
        String requestId = browser.until(d -> events(browser, "Network.responseReceived").stream()
                .filter(event -> event.path("response").path("url").asText().endsWith("/api/v1/auth/token"))
                .filter(event -> event.path("response").path("status").asInt() == 200)
                .map(event -> event.path("requestId").asText())
                .reduce((first, last) -> last).orElse(null));
        Object body = browser.driver().executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId))
                .get("body");
        JsonNode answer = parse(String.valueOf(body));
        return Map.of("access_token", answer.path("access_token").asText(),
                "refresh_token", answer.path("refresh_token").asText());
    }

    private static List<String> requestedUrls(Browser browser) {
        return events(browser, "Network.requestWillBeSent").stream()
                .map(event -> event.path("request").path("url").asText()).toList();
    }

    private static List<Integer> responseStatuses(Browser browser) {
        return events(browser, "Network.responseReceived").stream()
                .map(event -> event.path("response").path("status").asInt()).toList();
    }

    /** The params of the DevTools events of this method seen so far. */
    private static List<JsonNode> events(Browser browser, String method) {
        return browser.networkEvents().stream()
                .map(LogEntry::getMessage)
                .map(ReferrerPagesBrowserTest::parse)
                .map(entry -> entry.path("message"))
                .filter(message -> method.equals(message.path("method").asText()))
                .map(message -> message.path("params"))
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 5xx answers the app counted so far (Micrometer's http_server_requests, all routes). */
    private static long serverErrors() {
        String metrics = given().auth().oauth2(AccountSecurityProfile.METRICS_TOKEN).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.matches(".*status=\"5\\d\\d\".*"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
