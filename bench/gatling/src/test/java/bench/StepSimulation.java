package bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One open-model load plan for bench/run.sh: a sequence of stages, each holding one or more loads that inject
 * new virtual users at a constant arrival rate ({@code constantUsersPerSec}) for a fixed time; every virtual user
 * sends exactly one request. A stage starts when every user of the previous stage has finished.
 *
 * <p>Why this is free of coordinated omission: users arrive on Gatling's schedule whatever the server does, and
 * the connection pool is shared and unbounded ({@code shareConnections()}, no per-host maximum), so a slow
 * response never delays the next send; a request that finds no idle connection opens a new one, and that
 * time counts. Latency is recorded here, per request, in microseconds from the moment the virtual user
 * starts (its scheduled arrival) until the response is complete, into an HdrHistogram per load; failed
 * requests count too (a timed-out one with its whole wait), so errors cannot flatter the tail. Gatling's own
 * response times have millisecond resolution only, which is too coarse for a 10 ms p99 target.
 *
 * <p>System properties (all set by bench/run.sh):
 * <ul>
 *   <li>{@code bench.base}: {@code http://127.0.0.1:PORT}, loopback only;</li>
 *   <li>{@code bench.plan}: {@code stage;stage;...}, a stage is {@code load+load}, a load is
 *       {@code label=kind@rate/seconds}, e.g. {@code noop-1000=noop@1000/20;noop-2000=noop@2000/20};</li>
 *   <li>{@code bench.out}: where to write the results (JSON);</li>
 *   <li>{@code bench.abort.p99ms}: when &gt; 0, a stage whose p99 exceeds it, or with more than 1% errors, ends
 *       the run before the next stage (stepped search for a maximum);</li>
 *   <li>{@code bench.data}: directory with {@code emails.txt}, {@code codes.txt}, {@code logins.txt},
 *       {@code tokens.txt}, {@code heavy-tokens.txt} (one value a line); a {@code cursor} load first walks each
 *       heavy user's list by cursor to the deep page, then requests that page by its cursor;</li>
 *   <li>{@code bench.password}, {@code bench.noop.path}, {@code bench.noop.status}, {@code bench.deep.page},
 *       {@code bench.deep.size}, {@code bench.run.tag}.</li>
 * </ul>
 */
public class StepSimulation extends Simulation {

    private static final String BASE = required("bench.base");
    private static final String PLAN = required("bench.plan");
    private static final Path OUT = Path.of(required("bench.out"));
    private static final double ABORT_P99_MS = Double.parseDouble(System.getProperty("bench.abort.p99ms", "0"));
    private static final double ABORT_ERROR_RATIO = 0.01;
    private static final Path DATA = Path.of(System.getProperty("bench.data", "."));
    private static final String PASSWORD = System.getProperty("bench.password", "");
    private static final String NOOP_PATH = System.getProperty("bench.noop.path", "/q/health/live");
    private static final int NOOP_STATUS = Integer.getInteger("bench.noop.status", 200);
    private static final int DEEP_PAGE = Integer.getInteger("bench.deep.page", 50);
    private static final int DEEP_SIZE = Integer.getInteger("bench.deep.size", 100);
    private static final String RUN_TAG = System.getProperty("bench.run.tag", Long.toString(System.nanoTime() % 100000));

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    /** Latency is tracked up to 2 minutes with 3 significant digits. */
    private static final long HIGHEST_US = 120_000_000L;

    private final FileChannel out = openOut();
    private final List<List<Load>> stages = parsePlan(PLAN);
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final java.util.Set<Integer> judgedStages = ConcurrentHashMap.newKeySet();
    private final AtomicInteger abortedAfterStage = new AtomicInteger(-1);
    private volatile String abortReason = "";

    private final String[] emails = lines("emails.txt", needs("lookup", "warm"));
    private final String[] codes = lines("codes.txt", needs("register"));
    private final String[] logins = lines("logins.txt", needs("token"));
    private final String[] tokens = lines("tokens.txt", needs("list", "stats"));
    private final String[] heavyTokens = lines("heavy-tokens.txt", needs("deep", "cursor"));
    /** Per heavy token, the cursor that reads the same items as page DEEP_PAGE, found by a cursor walk. */
    private final String[] deepCursors = needs("cursor") ? deepCursors(heavyTokens) : new String[0];
    private final AtomicInteger warmCursor = new AtomicInteger();
    private final AtomicLong registerCounter = new AtomicLong();

    /** One load of a stage: a kind of request at a constant arrival rate for a fixed time. */
    static final class Load {
        final String label;
        final String kind;
        final double rate;
        final int seconds;
        final int stage;
        final ConcurrentHistogram allLatency = new ConcurrentHistogram(HIGHEST_US, 3);
        /** The expected answers alone, and the 503 refusals alone (admission control: they must come at once). */
        final ConcurrentHistogram okLatency = new ConcurrentHistogram(HIGHEST_US, 3);
        final ConcurrentHistogram refusedLatency = new ConcurrentHistogram(HIGHEST_US, 3);
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        /** The first few bodies of unexpected responses, to tell why requests failed. */
        final java.util.Queue<String> failureSamples = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final AtomicInteger failureSampleCount = new AtomicInteger();
        final AtomicLong firstStartNanos = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEndNanos = new AtomicLong(Long.MIN_VALUE);

        Load(String label, String kind, double rate, int seconds, int stage) {
            this.label = label;
            this.kind = kind;
            this.rate = rate;
            this.seconds = seconds;
            this.stage = stage;
        }
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE)
                .disableWarmUp()
                .shareConnections()
                .disableCaching()
                .disableFollowRedirect()
                .acceptHeader("application/json")
                .userAgentHeader("referral-bench");

        // Build from the last stage backwards: the loads of stage k+1 are children of the first load of stage k
        // (andThen starts all children together once every user of the parent has finished).
        List<PopulationBuilder> nextGroup = List.of();
        for (int s = stages.size() - 1; s >= 0; s--) {
            List<Load> stage = stages.get(s);
            List<PopulationBuilder> group = new ArrayList<>();
            for (int i = 0; i < stage.size(); i++) {
                group.add(population(stage.get(i), s > 0 && i == 0, protocol));
            }
            if (!nextGroup.isEmpty()) {
                group.set(0, group.get(0).andThen(nextGroup));
            }
            nextGroup = group;
        }
        setUp(nextGroup);
    }

    private PopulationBuilder population(Load load, boolean checkAbort, HttpProtocolBuilder protocol) {
        ChainBuilder start = io.gatling.javaapi.core.CoreDsl.exec(session -> {
            long now = System.nanoTime();
            load.firstStartNanos.accumulateAndGet(now, Math::min);
            load.sent.increment();
            return session.set("t0", now).set("pick", ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
        });
        ChainBuilder chain = checkAbort
                ? stopLoadGeneratorIf(session -> "aborted: " + abortReason, session -> judged(load.stage - 1)).exec(start)
                : start;
        chain = chain.exec(request(load)).exec(session -> record(load, session));
        return scenario(load.label).exec(chain)
                .injectOpen(constantUsersPerSec(load.rate).during(load.seconds))
                .protocols(protocol);
    }

    /** The request of one virtual user; the body of an unexpected answer is kept, to tell why it failed. */
    private HttpRequestActionBuilder request(Load load) {
        int expected = expectedStatus(load.kind);
        return requestOf(load).checkIf((response, session) -> response.status().code() != expected)
                .then(bodyString().saveAs("body"));
    }

    private HttpRequestActionBuilder requestOf(Load load) {
        String name = load.label;
        switch (load.kind) {
            case "noop":
                return http(name).get(NOOP_PATH).check(status().saveAs("st"));
            case "lookup":
                return http(name).get(session -> "/api/v1/referral-codes/lookup?email=" + pick(emails))
                        .check(status().saveAs("st"));
            case "warm":
                return http(name).get(session ->
                                "/api/v1/referral-codes/lookup?email=" + emails[Math.floorMod(warmCursor.getAndIncrement(), emails.length)])
                        .check(status().saveAs("st"));
            case "token":
                return http(name).post("/api/v1/auth/token")
                        .formParam("grant_type", "password")
                        .formParam("username", session -> pick(logins))
                        .formParam("password", PASSWORD)
                        .check(status().saveAs("st"));
            case "register":
                return http(name).post("/api/v1/auth/register")
                        .header("Content-Type", "application/json")
                        .body(StringBody(session -> {
                            String id = "b" + RUN_TAG + "x" + registerCounter.incrementAndGet();
                            return "{\"username\":\"" + id + "\",\"email\":\"" + id + "@bench.example.org\","
                                    + "\"password\":\"" + PASSWORD + "\",\"referralCode\":\"" + pick(codes) + "\"}";
                        }))
                        .check(status().saveAs("st"));
            case "list":
                return http(name).get("/api/v1/users/me/referrals?page=1&size=50")
                        .header("Authorization", session -> "Bearer " + pick(tokens))
                        .check(status().saveAs("st"));
            case "deep":
                return http(name).get("/api/v1/users/me/referrals?page=" + DEEP_PAGE + "&size=" + DEEP_SIZE)
                        .header("Authorization", session -> "Bearer " + pick(heavyTokens))
                        .check(status().saveAs("st"));
            case "cursor":
                // The deep page again, read by cursor (keyset paging) instead of page number.
                return http(name).get(session -> "/api/v1/users/me/referrals?cursor="
                                + deepCursors[heavyPick(session)] + "&size=" + DEEP_SIZE)
                        .header("Authorization", session -> "Bearer " + heavyTokens[heavyPick(session)])
                        .check(status().saveAs("st"));
            case "stats":
                return http(name).get("/api/v1/users/me/referral-stats")
                        .header("Authorization", session -> "Bearer " + pick(tokens))
                        .check(status().saveAs("st"));
            default:
                throw new IllegalArgumentException("unknown load kind " + load.kind);
        }
    }

    private static int expectedStatus(String kind) {
        switch (kind) {
            case "noop":
                return NOOP_STATUS;
            case "register":
                return 201;
            default:
                return 200;
        }
    }

    private Session record(Load load, Session session) {
        long end = System.nanoTime();
        long micros = Math.max(1, (end - session.getLong("t0")) / 1_000);
        load.lastEndNanos.accumulateAndGet(end, Math::max);
        load.allLatency.recordValue(Math.min(micros, HIGHEST_US));
        Integer status = session.contains("st") ? session.getIntegerWrapper("st") : null;
        if (status != null && status == expectedStatus(load.kind)) {
            load.ok.increment();
            load.okLatency.recordValue(Math.min(micros, HIGHEST_US));
        } else {
            if (status != null && status == 503) {
                load.refusedLatency.recordValue(Math.min(micros, HIGHEST_US));
            }
            String key = status == null ? "no-response" : Integer.toString(status);
            load.failures.computeIfAbsent(key, k -> new LongAdder()).increment();
            if (load.failureSampleCount.incrementAndGet() <= 3) {
                String body = session.contains("body") ? session.getString("body") : "";
                load.failureSamples.add(key + " " + (body.length() > 300 ? body.substring(0, 300) : body));
            }
        }
        return session.removeAll("st", "body").markAsSucceeded();
    }

    /**
     * Called by the first user of a stage, when every user of the previous stage has finished: true when the
     * previous stage broke (more than 1% errors, or p99 above bench.abort.p99ms), which ends the run.
     */
    private boolean judged(int stage) {
        if (ABORT_P99_MS <= 0 || stage < 0) {
            return false;
        }
        if (judgedStages.add(stage)) {
            judge(stage);
            if (aborted.get()) {
                abortedAfterStage.compareAndSet(-1, stage);
            }
        }
        return aborted.get();
    }

    private void judge(int stage) {
        for (Load load : stages.get(stage)) {
            long sent = load.sent.sum();
            if (sent == 0 || load.label.startsWith("warm")) {
                continue;
            }
            long failed = sent - load.ok.sum();
            double p99Ms = load.allLatency.getValueAtPercentile(99.0) / 1000.0;
            if (failed > sent * ABORT_ERROR_RATIO) {
                abort(load.label + ": " + failed + " of " + sent + " failed");
            } else if (p99Ms > ABORT_P99_MS) {
                abort(load.label + String.format(Locale.ROOT, ": p99 %.1f ms > %.1f ms", p99Ms, ABORT_P99_MS));
            }
        }
    }

    private void abort(String reason) {
        if (aborted.compareAndSet(false, true)) {
            abortReason = reason;
        }
    }

    @Override
    public void after() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"aborted\": ").append(aborted.get())
                .append(",\n  \"abortReason\": \"").append(escape(abortReason))
                .append("\",\n  \"abortedAfterStage\": ").append(abortedAfterStage.get()).append(",\n  \"loads\": [");
        boolean firstLoad = true;
        for (List<Load> stage : stages) {
            for (Load load : stage) {
                if (!firstLoad) {
                    json.append(',');
                }
                firstLoad = false;
                json.append("\n    ").append(toJson(load));
            }
        }
        json.append("\n  ]\n}\n");
        try (FileChannel channel = out) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Opened before the load: under overload the connections can take every file descriptor this process may hold
    // (their failures are recorded as "no-response"), and the results must still be written at the end.
    private static FileChannel openOut() {
        try {
            Files.createDirectories(OUT.toAbsolutePath().getParent());
            return FileChannel.open(OUT, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(Load load) {
        long sent = load.sent.sum();
        long ok = load.ok.sum();
        long first = load.firstStartNanos.get();
        long last = load.lastEndNanos.get();
        double wallSeconds = sent == 0 || last == Long.MIN_VALUE ? 0 : Math.max(load.seconds, (last - first) / 1e9);
        Map<String, Long> failures = new TreeMap<>();
        load.failures.forEach((k, v) -> failures.put(k, v.sum()));
        StringBuilder f = new StringBuilder("{");
        failures.forEach((k, v) -> f.append(f.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        f.append('}');
        StringBuilder samples = new StringBuilder("[");
        for (String sample : load.failureSamples) {
            samples.append(samples.length() > 1 ? ", " : "").append('"').append(escape(sample)).append('"');
        }
        samples.append(']');
        Histogram all = load.allLatency;
        return String.format(Locale.ROOT,
                "{\"label\": \"%s\", \"kind\": \"%s\", \"stage\": %d, \"offeredRps\": %.2f, \"seconds\": %d, "
                        + "\"sent\": %d, \"ok\": %d, \"failures\": %s, \"failureSamples\": %s, \"wallSeconds\": %.3f, \"achievedRps\": %.2f, "
                        + "\"latencyUs\": {\"p50\": %d, \"p90\": %d, \"p99\": %d, \"p999\": %d, \"max\": %d, \"mean\": %.1f}, "
                        + "\"okLatencyUs\": %s, \"refusedLatencyUs\": %s}",
                escape(load.label), load.kind, load.stage, load.rate, load.seconds, sent, ok, f, samples,
                wallSeconds, wallSeconds == 0 ? 0 : ok / wallSeconds,
                sent == 0 ? 0 : all.getValueAtPercentile(50), sent == 0 ? 0 : all.getValueAtPercentile(90),
                sent == 0 ? 0 : all.getValueAtPercentile(99), sent == 0 ? 0 : all.getValueAtPercentile(99.9),
                sent == 0 ? 0 : all.getMaxValue(), sent == 0 ? 0 : all.getMean(),
                summary(load.okLatency), summary(load.refusedLatency));
    }

    private static String summary(Histogram latency) {
        long count = latency.getTotalCount();
        return String.format(Locale.ROOT, "{\"count\": %d, \"p50\": %d, \"p99\": %d, \"max\": %d}", count,
                count == 0 ? 0 : latency.getValueAtPercentile(50), count == 0 ? 0 : latency.getValueAtPercentile(99),
                count == 0 ? 0 : latency.getMaxValue());
    }

    /** The heavy user of this virtual user: its token and its deep cursor go together. */
    private int heavyPick(Session session) {
        return session.getInt("pick") % heavyTokens.length;
    }

    /**
     * For each heavy token, walks the list by cursor from page 1 (size DEEP_SIZE) to the cursor that reads page
     * DEEP_PAGE: the deep page of the "deep" load, reached by keyset paging. Done once, before any load starts.
     */
    private static String[] deepCursors(String[] tokens) {
        HttpClient client = HttpClient.newHttpClient();
        String[] cursors = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String next = nextOf(client, tokens[i], "size=" + DEEP_SIZE);
            for (int page = 2; page < DEEP_PAGE; page++) {
                next = nextOf(client, tokens[i], "cursor=" + next + "&size=" + DEEP_SIZE);
            }
            cursors[i] = next;
        }
        return cursors;
    }

    private static String nextOf(HttpClient client, String token, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/users/me/referrals?" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher next = NEXT.matcher(response.body());
            if (response.statusCode() != 200 || !next.find()) {
                throw new IllegalStateException("no next cursor for ?" + query + ": " + response.statusCode() + " "
                        + response.body());
            }
            return next.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private boolean needs(String... kinds) {
        for (List<Load> stage : stages) {
            for (Load load : stage) {
                for (String kind : kinds) {
                    if (load.kind.equals(kind)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String[] lines(String file, boolean needed) {
        if (!needed) {
            return new String[0];
        }
        try {
            String[] values = Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8).stream()
                    .map(String::trim).filter(l -> !l.isEmpty()).toArray(String[]::new);
            if (values.length == 0) {
                throw new IllegalStateException(DATA.resolve(file) + " is empty");
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<Load>> parsePlan(String plan) {
        List<List<Load>> result = new ArrayList<>();
        for (String stageText : plan.split(";")) {
            if (stageText.isBlank()) {
                continue;
            }
            List<Load> stage = new ArrayList<>();
            for (String loadText : stageText.split("\\+")) {
                String[] labelAndRest = loadText.trim().split("=", 2);
                String[] kindAndRest = labelAndRest[1].split("@", 2);
                String[] rateAndSeconds = kindAndRest[1].split("/", 2);
                stage.add(new Load(labelAndRest[0], kindAndRest[0], Double.parseDouble(rateAndSeconds[0]),
                        Integer.parseInt(rateAndSeconds[1]), result.size()));
            }
            result.add(stage);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("empty plan");
        }
        return result;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing system property " + name);
        }
        return value;
    }
}
