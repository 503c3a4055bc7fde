package org.openreferral.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.reliability.Http.Reply;
import org.openreferral.bootstrap.support.Api;

/**
 * PostgreSQL goes away under load, once stopped and once behind a network partition: requests that need it
 * answer 503 problem+json within the configured JDBC timeouts instead of hanging, readiness goes DOWN, the
 * service works again within 5 s of the database coming back, and what it acknowledged is exactly what
 * the database holds. (The proxy delivers replies already on their way, so no commit is lost in flight here;
 * {@link LostCommitReplyTest} cuts the connection between a COMMIT and its reply.)
 */
@QuarkusTest
@TestProfile(PostgresOutageTest.DatabaseBehindProxy.class)
class PostgresOutageTest {

    private static final Logger LOG = Logger.getLogger(PostgresOutageTest.class);
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    private static final Duration CLIENT_DEADLINE = Duration.ofSeconds(40);

    /** The app reaches its database only through a proxy that the test controls. */
    public static class DatabaseBehindProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresBehindProxy.class));
        }
    }

    @TestHTTPResource("/")
    URL app;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(app, CLIENT_DEADLINE);
    }

    @AfterEach
    void reconnect() {
        PostgresBehindProxy.proxy.forward();
    }

    @Test
    void aStoppedDatabaseCosts503sNotHangsAndIsForgottenWithinSeconds() throws Exception {
        Outcome outcome = runOutage("stopped", PostgresBehindProxy.proxy::refuse, Duration.ofSeconds(4));
        // A refused connection fails at once: nobody waits for a timeout.
        assertThat(outcome.firstFailureAfterCut).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPartitionedDatabaseCosts503sWithinTheConfiguredTimeouts() throws Exception {
        // Long enough for the socket timeout to fire on connections that were in use when the network went.
        runOutage("partitioned", PostgresBehindProxy.proxy::blackhole, socketTimeout().plusSeconds(2));
    }

    private Outcome runOutage(String label, Runnable cut, Duration outage) throws Exception {
        Duration bound = socketTimeout().plus(acquisitionTimeout()).plusSeconds(2);
        String referrerName = Api.unique("outage");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(referrerName, null)).status()).isEqualTo(201);
        String token = http.token(referrerName, Api.PASSWORD);
        Reply created = http.post("/api/v1/referral-codes", token,
                Map.of("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.text("code");

        List<Call> calls = new CopyOnWriteArrayList<>();
        List<Reply> health = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(7);
        for (int i = 0; i < 3; i++) {
            load.submit(loop(running, calls, () -> {
                String username = Api.unique("ref");
                return new Call("register", username, http.post("/api/v1/auth/register", null,
                        Http.registration(username, code)));
            }));
        }
        load.submit(loop(running, calls, () -> new Call("me", null, http.get("/api/v1/users/me", token))));
        load.submit(loop(running, calls, () ->
                new Call("stats", null, http.get("/api/v1/users/me/referral-stats", token))));
        load.submit(loop(running, calls, () -> new Call("token", null, http.passwordGrant(referrerName, Api.PASSWORD))));
        load.submit(() -> {
            while (running.get()) {
                health.add(http.get("/q/health/ready", null));
                pause(100);
            }
        });

        pause(1000);
        long cutAt = System.nanoTime();
        cut.run();
        LOG.infof("[%s] database cut", label);
        pause(outage.toMillis());
        long healedAt = System.nanoTime();
        PostgresBehindProxy.proxy.forward();
        LOG.infof("[%s] database back", label);
        pause(RECOVERY.toMillis() + 3000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(CLIENT_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();

        Outcome outcome = new Outcome(calls, health, cutAt, healedAt);
        LOG.infof("[%s] %s", label, outcome.summary());

        assertThat(calls).as("requests that hung past the client deadline or lost their connection")
                .filteredOn(call -> call.reply.status() < 0).isEmpty();
        assertThat(outcome.slowest()).as("slowest request (bound: socket timeout + acquisition timeout + 2 s)")
                .isLessThanOrEqualTo(bound);
        assertThat(calls).as("answers other than a success or a 503 service-unavailable problem with Retry-After")
                .filteredOn(call -> call.reply.status() >= 300 && !(call.reply.isProblem(503, "service-unavailable")
                        && "5".equals(call.reply.retryAfter())))
                .isEmpty();
        assertThat(outcome.unavailable()).as("the outage was seen").isPositive();
        assertThat(outcome.successesStartedDuringOutage())
                .as("nothing that needs the database succeeds while it is away").isZero();
        assertThat(outcome.firstFailureAfterCut).isLessThanOrEqualTo(bound);
        assertThat(outcome.readinessDownAfterCut).as("readiness went DOWN").isNotNull();
        assertThat(outcome.readinessDownAfterCut).isLessThanOrEqualTo(bound);
        assertThat(outcome.firstSuccessAfterHeal).as("first success after the database returned").isNotNull();
        assertThat(outcome.firstSuccessAfterHeal).isLessThanOrEqualTo(RECOVERY);
        assertThat(outcome.failuresStartedAfter(healedAt + RECOVERY.toNanos()))
                .as("every request started 5 s after the database returned succeeds").isEmpty();
        assertThat(outcome.readinessUpAfterHeal).as("readiness UP again").isNotNull();
        assertThat(outcome.readinessUpAfterHeal).isLessThanOrEqualTo(RECOVERY);

        assertAcknowledgedIsStored(calls, referrerName);
        return outcome;
    }

    private void assertAcknowledgedIsStored(List<Call> calls, String referrerName) throws SQLException {
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Call call : calls) {
            if (call.kind.equals("register")) {
                (call.reply.status() == 201 ? acknowledged : refused).add(call.key);
            }
        }
        assertThat(refused).as("some registrations failed during the outage").isNotEmpty();
        try (Connection db = PostgresBehindProxy.direct()) {
            assertThat(existing(db, acknowledged)).as("every acknowledged registration is stored")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(existing(db, refused)).as("no refused registration is stored").isEmpty();
            long referrals = number(db, "select count(*) from referrals r join users u on u.id = r.referrer_id"
                    + " where u.username = ?", referrerName);
            long balance = number(db, "select coalesce(sum(e.points), 0) from reward_entries e join users u"
                    + " on u.id = e.user_id where u.username = ?", referrerName);
            assertThat(referrals).isEqualTo(acknowledged.size());
            assertThat(balance).isEqualTo(ConfigProvider.getConfig()
                    .getValue("referral.reward.referrer-points", Long.class) * acknowledged.size());
            assertThat(number(db, "select count(*) from users u where u.username = any(?) and not exists"
                    + " (select 1 from referrals r where r.referee_id = u.id)", (Object) acknowledged.toArray(String[]::new)))
                    .as("every acknowledged referee has their referral").isZero();
        }
        LOG.infof("registrations: %d acknowledged and stored, %d refused and absent", acknowledged.size(), refused.size());
    }

    private static List<String> existing(Connection db, List<String> usernames) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("select username from users where username = any(?)")) {
            statement.setArray(1, db.createArrayOf("varchar", usernames.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private static long number(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter instanceof String[] array) {
                statement.setArray(1, db.createArrayOf("varchar", array));
            } else {
                statement.setObject(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Runnable loop(AtomicBoolean running, List<Call> calls, Supplier<Call> call) {
        return () -> {
            while (running.get()) {
                calls.add(call.get());
                pause(20);
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration socketTimeout() {
        return Duration.ofSeconds(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", Integer.class));
    }

    private static Duration acquisitionTimeout() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.acquisition-timeout", Duration.class);
    }

    /** One request of the load and its answer. */
    record Call(String kind, String key, Reply reply) {
        long endNanos() {
            return reply.startedNanos() + reply.millis() * 1_000_000;
        }
    }

    /** What the load saw, relative to the moments the database went and came back. */
    static final class Outcome {
        final List<Call> calls;
        final long cutAt;
        final long healedAt;
        final Duration firstFailureAfterCut;
        final Duration firstSuccessAfterHeal;
        final Duration readinessDownAfterCut;
        final Duration readinessUpAfterHeal;

        Outcome(List<Call> calls, List<Reply> health, long cutAt, long healedAt) {
            this.calls = calls;
            this.cutAt = cutAt;
            this.healedAt = healedAt;
            this.firstFailureAfterCut = calls.stream().filter(c -> c.reply.status() >= 500 && c.endNanos() > cutAt)
                    .map(c -> Duration.ofNanos(c.endNanos() - cutAt)).min(Duration::compareTo).orElse(null);
            this.firstSuccessAfterHeal = calls.stream()
                    .filter(c -> c.reply.status() < 300 && c.reply.startedNanos() >= healedAt)
                    .map(c -> Duration.ofNanos(c.endNanos() - healedAt)).min(Duration::compareTo).orElse(null);
            this.readinessDownAfterCut = health.stream()
                    .filter(r -> r.status() == 503 && r.startedNanos() >= cutAt && r.startedNanos() < healedAt)
                    .map(r -> Duration.ofNanos(r.startedNanos() + r.millis() * 1_000_000 - cutAt))
                    .min(Duration::compareTo).orElse(null);
            this.readinessUpAfterHeal = health.stream()
                    .filter(r -> r.status() == 200 && r.startedNanos() >= healedAt)
                    .map(r -> Duration.ofNanos(r.startedNanos() + r.millis() * 1_000_000 - healedAt))
                    .min(Duration::compareTo).orElse(null);
        }

        long unavailable() {
            return calls.stream().filter(c -> c.reply.status() == 503).count();
        }

        long successesStartedDuringOutage() {
            long margin = Duration.ofMillis(100).toNanos();
            return calls.stream().filter(c -> c.reply.status() < 300 && c.reply.startedNanos() > cutAt + margin
                    && c.endNanos() < healedAt).count();
        }

        List<Call> failuresStartedAfter(long nanos) {
            return calls.stream().filter(c -> c.reply.status() >= 300 && c.reply.startedNanos() >= nanos).toList();
        }

        Duration slowest() {
            return Duration.ofMillis(calls.stream().mapToLong(c -> c.reply.millis()).max().orElse(0));
        }

        String summary() {
            return String.format("%d requests, %d x 503, slowest %d ms, first 503 %s after the cut, readiness DOWN"
                            + " %s after the cut, first success %s after the database returned, readiness UP %s after",
                    calls.size(), unavailable(), slowest().toMillis(), millis(firstFailureAfterCut),
                    millis(readinessDownAfterCut), millis(firstSuccessAfterHeal), millis(readinessUpAfterHeal));
        }

        private static String millis(Duration duration) {
            return duration == null ? "never" : duration.toMillis() + " ms";
        }
    }
}
