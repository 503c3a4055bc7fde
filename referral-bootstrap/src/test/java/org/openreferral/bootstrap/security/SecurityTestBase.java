package org.openreferral.bootstrap.security;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Base of the account-security tests: every test method is a client of its own (a unique
 * {@code X-Forwarded-For}, honoured only where the profile trusts the loopback proxy), so per-client rate
 * limits never leak from one test into another; and the app's clock is reset after each test.
 */
abstract class SecurityTestBase {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** The address this test's requests come from, where forwarding is honoured. */
    protected String clientAddress;

    @BeforeEach
    void beAClientOfOurOwn() {
        clientAddress = nextClientAddress();
        // A new builder starts from the current default specification: clear it first, or headers pile up.
        RestAssured.requestSpecification = null;
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("X-Forwarded-For", clientAddress)
                .build();
    }

    @AfterEach
    void resetClientAndClock() {
        RestAssured.requestSpecification = null;
        TestClockProducer.CLOCK.reset();
    }

    static String nextClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }
}
