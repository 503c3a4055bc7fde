package org.openreferral.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.reliability.Http.Reply;
import org.openreferral.bootstrap.reliability.TcpProxy.CommitCut;
import org.openreferral.bootstrap.support.Api;

/**
 * The connection dies mid-commit: PostgreSQL receives the COMMIT and commits, and the reply never comes back (the
 * proxy drops it and closes both sides). The app cannot know the outcome; it answers 503 problem+json, never 500,
 * and what the database then holds is reconciled with what the client saw and with what a retry gets: never a
 * second account, referral, event, verification mail, code or usable session. Shares the profile (and the boot)
 * of {@link PostgresOutageTest}.
 */
@QuarkusTest
@TestProfile(PostgresOutageTest.DatabaseBehindProxy.class)
class LostCommitReplyTest {

    private static final Duration CLIENT_DEADLINE = Duration.ofSeconds(30);
    private static final Duration CUT_WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL app;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(app, CLIENT_DEADLINE);
    }

    @AfterEach
    void nothingLeftArmed() {
        PostgresBehindProxy.proxy.disarm();
    }

    @Test
    void aRegistrationWhoseCommitReplyIsLostIsStoredOnceAndARetryIsRefusedAsTaken() throws Exception {
        Referrer referrer = referrerWithCode();
        String username = Api.unique("lost");
        CommitCut cut = PostgresBehindProxy.proxy.loseReplyToCommit("insert into users", username);

        Reply reply = http.post("/api/v1/auth/register", null, Http.registration(username, referrer.code()));

        assertUnavailable(reply, cut);
        Stored first = storedRegistration(username);
        assertThat(first).as("committed although the client saw a 503").isEqualTo(Stored.ONE_REFERRED_ACCOUNT);

        Reply retry = http.post("/api/v1/auth/register", null, Http.registration(username, referrer.code()));

        // The email is checked before the username (RegisterUserService.ensureFree).
        assertThat(retry.isProblem(409, "email-taken")).as("the retry: %s", retry).isTrue();
        assertThat(storedRegistration(username)).isEqualTo(Stored.ONE_REFERRED_ACCOUNT);
        assertThat(http.passwordGrant(username, Api.PASSWORD).status()).as("the account works").isEqualTo(200);
    }

    @Test
    void aKeyedRegistrationWhoseCommitReplyIsLostIsNotRunTwiceByItsRetry() throws Exception {
        Referrer referrer = referrerWithCode();
        String username = Api.unique("lostkey");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        CommitCut cut = PostgresBehindProxy.proxy.loseReplyToCommit("insert into users", username);

        Reply reply = http.post("/api/v1/auth/register", null, Http.registration(username, referrer.code()), key);

        assertUnavailable(reply, cut);
        assertThat(storedRegistration(username)).isEqualTo(Stored.ONE_REFERRED_ACCOUNT);

        // A 503 is not kept, so the retry runs; the account is there, so it is refused, and that answer is kept.
        Reply retry = http.post("/api/v1/auth/register", null, Http.registration(username, referrer.code()), key);
        Reply again = http.post("/api/v1/auth/register", null, Http.registration(username, referrer.code()), key);

        // The email is checked before the username (RegisterUserService.ensureFree).
        assertThat(retry.isProblem(409, "email-taken")).as("the retry: %s", retry).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(storedRegistration(username)).isEqualTo(Stored.ONE_REFERRED_ACCOUNT);
    }

    @Test
    void aCodeWhoseCommitReplyIsLostIsStoredOnceAndARetryFindsItActive() throws Exception {
        String owner = Api.unique("codeowner");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(owner, null)).status()).isEqualTo(201);
        String token = http.token(owner, Api.PASSWORD);
        String code = "Cut-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "code", code);
        CommitCut cut = PostgresBehindProxy.proxy.loseReplyToCommit("insert into referral_codes", code);

        Reply reply = http.post("/api/v1/referral-codes", token, body);

        assertUnavailable(reply, cut);
        assertThat(codesOf(owner)).as("committed although the client saw a 503").isEqualTo(1);
        assertThat(eventsAbout("code.created", code)).isEqualTo(1);

        Reply retry = http.post("/api/v1/referral-codes", token, body);

        assertThat(retry.isProblem(409, "active-code-exists")).as("the retry: %s", retry).isTrue();
        assertThat(codesOf(owner)).isEqualTo(1);
        assertThat(eventsAbout("code.created", code)).isEqualTo(1);
        Reply stats = http.get("/api/v1/users/me/referral-stats", token);
        assertThat(stats.json().path("activeCode").path("code").asText()).as("the code is the caller's").isEqualTo(code);
    }

    @Test
    void aLoginWhoseCommitReplyIsLostLeavesASessionNobodyHoldsAndTheRetryGetsItsOwn() throws Exception {
        String username = Api.unique("lostlogin");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(username, null)).status()).isEqualTo(201);
        CommitCut cut = PostgresBehindProxy.proxy.loseReplyToCommit("insert into refresh_tokens", null);

        Reply reply = http.passwordGrant(username, Api.PASSWORD);

        assertUnavailable(reply, cut);
        assertThat(sessionsOf(username, "ACTIVE")).as("the lost session was committed").isEqualTo(1);

        Reply retry = http.passwordGrant(username, Api.PASSWORD);

        assertThat(retry.status()).as("the retry: %s", retry).isEqualTo(200);
        assertThat(sessionsOf(username, "ACTIVE")).as("the lost one, whose secret nobody has, and the retry's")
                .isEqualTo(2);
        assertThat(http.refreshGrant(retry.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void aRefreshWhoseCommitReplyIsLostRevokesTheSessionOnTheRetry() throws Exception {
        String username = Api.unique("lostrefresh");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(username, null)).status()).isEqualTo(201);
        Reply login = http.passwordGrant(username, Api.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String refreshToken = login.text("refresh_token");
        String accessToken = login.text("access_token");
        CommitCut cut = PostgresBehindProxy.proxy.loseReplyToCommit("insert into refresh_tokens", null);

        Reply reply = http.refreshGrant(refreshToken);

        assertUnavailable(reply, cut);
        assertThat(sessionsOf(username, "ROTATED")).as("the rotation was committed").isEqualTo(1);
        assertThat(sessionsOf(username, "ACTIVE")).as("its successor, which never reached the client").isEqualTo(1);

        // The client can only retry with the token it has, which the database holds as rotated: to the service that
        // is a copy being replayed, so the whole session goes (the safe side); the client logs in again.
        Reply retry = http.refreshGrant(refreshToken);

        assertThat(retry.isProblem(401, "invalid-grant")).as("the retry: %s", retry).isTrue();
        assertThat(sessionsOf(username, "ACTIVE")).as("no live token is left in the session").isZero();
        assertThat(http.get("/api/v1/users/me", accessToken).status())
                .as("the session's access token is refused too").isEqualTo(401);
        assertThat(http.passwordGrant(username, Api.PASSWORD).status()).isEqualTo(200);
    }

    private static void assertUnavailable(Reply reply, CommitCut cut) throws InterruptedException {
        assertThat(cut.awaitCut(CUT_WAIT)).as("the COMMIT reached PostgreSQL and its reply was dropped").isTrue();
        assertThat(reply.isProblem(503, "service-unavailable")).as("the answer to a lost commit reply: %s", reply)
                .isTrue();
        assertThat(reply.retryAfter()).isEqualTo("5");
    }

    /** A user with an active code, for registrations that are referred. */
    private Referrer referrerWithCode() {
        String username = Api.unique("lostref");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(username, null)).status()).isEqualTo(201);
        String token = http.token(username, Api.PASSWORD);
        Reply created = http.post("/api/v1/referral-codes", token,
                Map.of("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Referrer(username, created.text("code"));
    }

    private record Referrer(String username, String code) {
    }

    /** What the database holds of one registration with a code. */
    private record Stored(long accounts, long referrals, long registeredEvents, long referralEvents,
                          long verificationTokens) {
        static final Stored ONE_REFERRED_ACCOUNT = new Stored(1, 1, 1, 1, 1);
    }

    private Stored storedRegistration(String username) throws SQLException {
        try (Connection db = PostgresBehindProxy.direct()) {
            String id = text(db, "select id::text from users where username = ?", username);
            if (id == null) {
                return new Stored(0, 0, 0, 0, 0);
            }
            return new Stored(
                    number(db, "select count(*) from users where username = ?", username),
                    number(db, "select count(*) from referrals where referee_id = ?::uuid", id),
                    number(db, "select count(*) from events where type = 'user.registered' and data::text like ?",
                            "%" + id + "%"),
                    number(db, "select count(*) from events where type = 'referral.created' and data::text like ?",
                            "%" + id + "%"),
                    // Each verification mail has its token: a second mail would need a second one.
                    number(db, "select count(*) from email_verification_tokens where user_id = ?::uuid", id));
        }
    }

    private long codesOf(String username) throws SQLException {
        try (Connection db = PostgresBehindProxy.direct()) {
            return number(db, "select count(*) from referral_codes c join users u on u.id = c.owner_id"
                    + " where u.username = ?", username);
        }
    }

    private long eventsAbout(String type, String text) throws SQLException {
        try (Connection db = PostgresBehindProxy.direct()) {
            return number(db, "select count(*) from events where type = '" + type + "' and data::text like ?",
                    "%" + text + "%");
        }
    }

    private long sessionsOf(String username, String status) throws SQLException {
        try (Connection db = PostgresBehindProxy.direct()) {
            return number(db, "select count(*) from refresh_tokens t join users u on u.id = t.user_id"
                    + " where u.username = ? and t.status = ?", username, status);
        }
    }

    private static long number(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
