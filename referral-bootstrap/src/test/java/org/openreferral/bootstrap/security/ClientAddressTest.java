package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client a rate limit counts (the contract's "Client address"): behind a trusted proxy the rightmost
 * {@code X-Forwarded-For} entry that is no trusted proxy, so that clients behind one balancer have budgets of their
 * own and a client cannot pick its identity by writing the leftmost entry; from an untrusted peer the header is
 * ignored. The code lookup's budget is {@value AccountSecurityProfile#LOOKUP_BUDGET} a minute.
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class ClientAddressTest extends SecurityTestBase {

    private static final String LOOKUP = "/api/v1/referral-codes/lookup?email=nobody@example.com";

    @TestHTTPResource("/")
    URL base;

    @Test
    void twoClientsBehindATrustedProxyHaveBudgetsOfTheirOwn() {
        String alice = nextClientAddress();
        String bob = nextClientAddress();
        for (int i = 0; i < AccountSecurityProfile.LOOKUP_BUDGET; i++) {
            assertThat(lookupAs(alice)).isNotEqualTo(429);
        }

        assertThat(lookupAs(alice)).isEqualTo(429);
        assertThat(lookupAs(bob)).isNotEqualTo(429);
    }

    @Test
    void theLeftmostEntryIsTheClientsOwnWordAndBuysNoNewBudget() {
        String mallory = nextClientAddress();
        for (int i = 0; i < AccountSecurityProfile.LOOKUP_BUDGET; i++) {
            assertThat(lookupAs(mallory)).isNotEqualTo(429);
        }

        // What a balancer appends is the rightmost entry; whatever Mallory wrote before it is ignored.
        assertThat(lookupAs(nextClientAddress() + ", " + mallory)).isEqualTo(429);
        assertThat(lookupAs("203.0.113.77, " + mallory)).isEqualTo(429);
    }

    @Test
    void anUntrustedPeerIsCountedByItsOwnAddressWhateverItForwards() throws IOException {
        // 127.0.0.2 is a loopback address of this machine that the profile does not trust.
        for (int i = 0; i < AccountSecurityProfile.LOOKUP_BUDGET; i++) {
            assertThat(lookupFrom("127.0.0.2", nextClientAddress())).isNotEqualTo(429);
        }

        assertThat(lookupFrom("127.0.0.2", nextClientAddress())).isEqualTo(429);
    }

    @BeforeEach
    void sendOnlyTheHeadersOfEachRequest() {
        // SecurityTestBase adds an X-Forwarded-For of the test's own to every request; these requests send theirs.
        RestAssured.requestSpecification = null;
    }

    private static int lookupAs(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).get(LOOKUP).then().extract().statusCode();
    }

    /** A lookup over a connection from {@code localAddress}, with a raw request (HttpClient cannot pick one). */
    private int lookupFrom(String localAddress, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + LOOKUP + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
