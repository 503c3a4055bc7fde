package org.openreferral.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.reliability.Http.Reply;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;

/**
 * A few thousand mixed requests from many threads at once (registrations with codes, some of them racing
 * for the same account; code creation, some racing for the same code; revocations; lookups), then the
 * invariants checked in SQL over the whole database: no 5xx, at most one ACTIVE code per user, one
 * referral per referee, every ledger balance equal to the points its referrals earn, no orphans, stats summaries
 * equal to a recount.
 */
@QuarkusTest
class ConcurrencySoakTest {

    private static final Logger LOG = Logger.getLogger(ConcurrencySoakTest.class);
    private static final int REFERRERS = 30;
    private static final int THREADS = 32;
    private static final int REQUESTS = 3000;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(120);

    @TestHTTPResource("/")
    URL app;

    @Inject
    Database database;

    private final Map<String, Set<Integer>> allowed = Map.of(
            "register", Set.of(201, 409, 422, 429),
            "create", Set.of(201, 409, 429),
            "revoke", Set.of(204, 404, 409, 429),
            "lookup", Set.of(200, 404, 429));

    @Test
    void mixedConcurrentLoadKeepsEveryInvariant() throws Exception {
        Http http = new Http(app, Duration.ofSeconds(60));
        String run = Api.unique("soak").toLowerCase();
        List<Referrer> referrers = new ArrayList<>();
        for (int i = 0; i < REFERRERS; i++) {
            String username = run + "r" + i;
            assertThat(http.post("/api/v1/auth/register", null, Http.registration(username, null)).status()).isEqualTo(201);
            Referrer referrer = new Referrer(username, http.token(username, Api.PASSWORD));
            referrer.latestCode = create(http, referrer, null).text("code");
            referrers.add(referrer);
        }
        // A small pool of referee names, so that registrations of the same person race each other, and of
        // custom codes, so that code creations race for the same code.
        List<String> referees = new ArrayList<>();
        for (int i = 0; i < REQUESTS / 4; i++) {
            referees.add(run + "e" + i);
        }
        List<String> customCodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customCodes.add(run.substring(run.length() - 8) + "c" + i);
        }

        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Map<String, String> lookedUp = new ConcurrentHashMap<>();
        AtomicInteger issued = new AtomicInteger();
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (issued.getAndIncrement() < REQUESTS && System.nanoTime() < deadline) {
                    Referrer referrer = referrers.get(random.nextInt(referrers.size()));
                    int dice = random.nextInt(100);
                    if (dice < 45) {
                        String referee = referees.get(random.nextInt(referees.size()));
                        Reply reply = http.post("/api/v1/auth/register", null,
                                Http.registration(referee, referrer.latestCode));
                        outcomes.add(new Outcome("register", referee, referrer.latestCode, reply));
                    } else if (dice < 60) {
                        String custom = random.nextInt(3) == 0 ? customCodes.get(random.nextInt(customCodes.size())) : null;
                        Reply reply = create(http, referrer, custom);
                        if (reply.status() == 201) {
                            referrer.latestCode = reply.text("code");
                        }
                        outcomes.add(new Outcome("create", referrer.username, custom, reply));
                    } else if (dice < 75) {
                        String code = referrer.latestCode;
                        outcomes.add(new Outcome("revoke", referrer.username, code,
                                http.delete("/api/v1/referral-codes/" + code, referrer.token)));
                    } else {
                        Reply reply = http.get("/api/v1/referral-codes/lookup?email=" + referrer.username
                                + "@example.com", null);
                        if (reply.status() == 200) {
                            lookedUp.put(reply.text("code").toLowerCase(), referrer.username);
                        }
                        outcomes.add(new Outcome("lookup", referrer.username, null, reply));
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(TIME_LIMIT.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Map<Integer, Integer>> histogram = new TreeMap<>();
        outcomes.forEach(o -> histogram.computeIfAbsent(o.kind, k -> new TreeMap<>()).merge(o.reply.status(), 1, Integer::sum));
        LOG.infof("soak: %d requests from %d threads in %d ms (%.0f/s), slowest %d ms; statuses %s", outcomes.size(),
                THREADS, elapsedMillis, outcomes.size() * 1000.0 / elapsedMillis,
                outcomes.stream().mapToLong(o -> o.reply.millis()).max().orElse(0), histogram);

        assertThat(outcomes.size()).as("requests made within the time limit").isEqualTo(REQUESTS);
        assertThat(outcomes).as("answers outside the expected set (5xx, timeouts, surprises)")
                .filteredOn(o -> !allowed.get(o.kind).contains(o.reply.status())
                        || o.reply.status() >= 400 && !"application/problem+json".equals(o.reply.contentType()))
                .isEmpty();
        assertThat(histogram.get("register")).containsKey(201).containsKey(409);
        assertThat(histogram.get("create")).containsKey(201).containsKey(409);
        assertThat(histogram.get("revoke")).containsKey(204);

        assertInvariantsHoldInTheWholeDatabase();
        assertTheApiToldTheTruth(run, outcomes, lookedUp);
    }

    private void assertInvariantsHoldInTheWholeDatabase() {
        assertThat(database.number("select count(*) from (select owner_id from referral_codes where status = 'ACTIVE'"
                + " group by owner_id having count(*) > 1) x")).as("users with two ACTIVE codes").isZero();
        assertThat(database.number("select count(*) from (select referee_id from referrals group by referee_id"
                + " having count(*) > 1) x")).as("referees referred twice").isZero();
        long referrerPoints = ConfigProvider.getConfig().getValue("referral.reward.referrer-points", Long.class);
        long refereePoints = ConfigProvider.getConfig().getValue("referral.reward.referee-points", Long.class);
        // The ledger tells what the referrals' states say: a REWARDED referral credits its points to the referrer and
        // the referee's points to the referee; any other state credits nothing (a VOIDED one was reversed). This also
        // holds for what other tests of this boot leave behind (the contract tests qualify, void and flag).
        assertThat(database.number("select count(*) from users u where"
                + " coalesce((select sum(e.points) from reward_entries e where e.user_id = u.id), 0)"
                + " <> (select coalesce(sum(r.points), 0) from referrals r where r.referrer_id = u.id"
                + "     and r.status = 'REWARDED')"
                + "  + ? * (select count(*) from referrals r where r.referee_id = u.id and r.status = 'REWARDED')",
                refereePoints)).as("users whose ledger balance is not what their REWARDED referrals earned").isZero();
        assertThat(database.number("select count(*) from referrals where status = 'REWARDED' and points not in (0, ?)",
                referrerPoints)).as("rewarded referrals with other points than the policy's").isZero();
        assertThat(database.number("select count(*) from (select referral_id, user_id from reward_entries"
                + " where points > 0 group by referral_id, user_id having count(*) > 1) x"))
                .as("beneficiaries credited twice for one referral").isZero();
        assertThat(database.number("select count(*) from (select referee_mailbox from referrals"
                + " where referee_mailbox is not null group by referee_mailbox having count(*) > 1) x"))
                .as("mailboxes referred twice").isZero();
        assertThat(database.number("select count(*) from reward_entries e left join referrals r on r.id = e.referral_id"
                + " where r.id is null or e.user_id not in (r.referrer_id, r.referee_id)"))
                .as("reward entries without their referral").isZero();
        assertThat(database.number("select count(*) from (select referral_id, user_id from reward_entries"
                + " group by referral_id, user_id having count(*) > 1) x")).as("referrals credited twice").isZero();
        assertThat(database.number("select count(*) from referrals r left join users a on a.id = r.referrer_id"
                + " left join users b on b.id = r.referee_id left join referral_codes c on c.id = r.code_id"
                + " where a.id is null or b.id is null or c.id is null or c.owner_id <> r.referrer_id"))
                .as("referrals without their users or code, or with somebody else's code").isZero();
        assertThat(database.number("select count(*) from referral_codes c left join users u on u.id = c.owner_id"
                + " where u.id is null")).as("codes without owner").isZero();
        // The stats summaries (changeset 0014) that the triggers kept under this load are a full recount.
        assertThat(database.number("select count(*) from (select referrer_id, count(*) filter (where status ="
                + " 'PENDING') p, count(*) filter (where status = 'FLAGGED') f, count(*) filter (where status ="
                + " 'QUALIFIED') q, count(*) filter (where status = 'REWARDED') r, count(*) filter (where status ="
                + " 'VOIDED') v from referrals group by referrer_id) c full join referrer_stats s using (referrer_id)"
                + " where (coalesce(c.p, 0), coalesce(c.f, 0), coalesce(c.q, 0), coalesce(c.r, 0), coalesce(c.v, 0))"
                + " <> (coalesce(s.pending, 0), coalesce(s.flagged, 0), coalesce(s.qualified, 0),"
                + " coalesce(s.rewarded, 0), coalesce(s.voided, 0))")).as("referrers whose status counts are off")
                .isZero();
        assertThat(database.number("select count(*) from (select code_id, count(*) n from referrals group by code_id) c"
                + " full join referral_code_stats s using (code_id) where coalesce(c.n, 0) <> coalesce(s.referrals, 0)"))
                .as("codes whose count is off").isZero();
        assertThat(database.number("select count(*) from (select referrer_id, (created_at at time zone 'UTC')::date"
                + " as day, count(*) n from referrals group by 1, 2) c full join referrer_daily_stats s"
                + " using (referrer_id, day) where coalesce(c.n, 0) <> coalesce(s.referrals, 0)"))
                .as("referrer days whose count is off").isZero();
        assertThat(database.number("select count(*) from (select user_id, sum(points) b from reward_entries"
                + " group by user_id) e full join reward_balances s using (user_id)"
                + " where coalesce(e.b, 0) <> coalesce(s.balance, 0)")).as("balances that are off").isZero();
    }

    private void assertTheApiToldTheTruth(String run, List<Outcome> outcomes, Map<String, String> lookedUp) {
        Map<String, Long> acknowledged = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o.kind.equals("register") && o.reply.status() == 201) {
                acknowledged.merge(o.key, 1L, Long::sum);
            }
        }
        assertThat(acknowledged.values()).as("a referee registered twice").allMatch(count -> count == 1);
        assertThat(database.number("select count(*) from referrals r join users u on u.id = r.referee_id"
                + " where u.username like ?", run + "e%")).as("referrals of this run").isEqualTo(acknowledged.size());
        assertThat(database.number("select count(*) from users where username like ?", run + "e%"))
                .as("referees of this run").isEqualTo(acknowledged.size());
        // Only this run's users: adapter-level tests elsewhere store referrals below the use case.
        assertThat(database.number("select count(*) from users u left join referrals r on r.referee_id = u.id"
                + " where u.username like ? and u.referred_by is distinct from r.referrer_id", run + "%"))
                .as("users whose referredBy disagrees with their referral").isZero();
        for (Outcome o : outcomes) {
            if (o.kind.equals("revoke") && o.reply.status() == 204) {
                assertThat(database.number("select count(*) from referral_codes where lower(code) = lower(?)"
                        + " and status = 'REVOKED'", o.code)).as("revoked " + o.code).isEqualTo(1);
            }
        }
        for (Map.Entry<String, String> entry : lookedUp.entrySet()) {
            assertThat(database.number("select count(*) from referral_codes c join users u on u.id = c.owner_id"
                    + " where lower(c.code) = ? and u.username = ?", entry.getKey(), entry.getValue()))
                    .as("a lookup answered with somebody else's code").isEqualTo(1);
        }
    }

    private static Reply create(Http http, Referrer referrer, String custom) {
        Map<String, Object> body = new HashMap<>();
        body.put("expiresAt", Instant.now().plus(10, ChronoUnit.DAYS).toString());
        if (custom != null) {
            body.put("code", custom);
        }
        return http.post("/api/v1/referral-codes", referrer.token, body);
    }

    /** A referrer of the run: their token and the last code they were given. */
    static final class Referrer {
        final String username;
        final String token;
        volatile String latestCode;

        Referrer(String username, String token) {
            this.username = username;
            this.token = token;
        }
    }

    /** One request: what, about whom, with which code, and the answer. */
    record Outcome(String kind, String key, String code, Reply reply) {
    }
}
