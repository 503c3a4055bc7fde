package org.openreferral.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.TestClockProducer;

/** Brute-force lockout: 5 failures within 15 minutes lock an account for 15 minutes; time moves by the clock. */
@QuarkusTest
class LoginLockoutTest extends SecurityTestBase {

    private static final String WRONG = "not the password";

    @Test
    void afterFiveFailuresTheRightPasswordIsRefusedUntilTheLockoutIsOver() {
        Session alice = Accounts.newSession();
        String wrongPasswordAnswer = failTimes(alice.username(), 5);

        String lockedAnswer = Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401)
                .extract().body().asString();
        assertThat(lockedAnswer).isEqualTo(wrongPasswordAnswer);

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(14));
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void failuresCountPerAccountWhateverTheSpelling() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 2);
        failTimes(alice.username().toUpperCase(), 2);
        failTimes(alice.email().toUpperCase(), 1);

        Accounts.passwordGrant(alice.email(), Api.PASSWORD).statusCode(401)
                .body("code", equalTo("invalid-credentials"));
    }

    @Test
    void fourFailuresThenSuccessDoNotLock() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 4);
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
        failTimes(alice.username(), 4);

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 4);
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
        failTimes(alice.username(), 4);

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void aLockedAccountLeavesOtherAccountsAndExistingSessionsAlone() {
        Session alice = Accounts.newSession();
        Session bob = Accounts.newSession();
        failTimes(alice.username(), 6);

        Accounts.passwordGrant(bob.username(), Api.PASSWORD).statusCode(200);
        Accounts.me(alice.accessToken()).statusCode(200);
    }

    @Test
    void anUnknownAccountIsLockedOutAlikeSoTheAnswerTellsNothing() {
        String ghost = Api.unique("ghost");
        String first = failTimes(ghost, 5);

        String sixth = Accounts.passwordGrant(ghost.toUpperCase(), WRONG).statusCode(401).extract().body().asString();

        assertThat(sixth).isEqualTo(first);
    }

    /** Fails {@code times} logins and returns the body of the last answer. */
    private static String failTimes(String login, int times) {
        String body = null;
        for (int i = 0; i < times; i++) {
            body = Accounts.passwordGrant(login, WRONG).statusCode(401)
                    .body("code", equalTo("invalid-credentials"))
                    .extract().body().asString();
        }
        return body;
    }
}
