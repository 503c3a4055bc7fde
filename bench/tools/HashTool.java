import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openreferral.adapter.security.Argon2idPasswordHasher;
import org.openreferral.domain.model.user.PasswordHash;

/**
 * The app's own password hasher, outside the app, for bench/run.sh. Runs as a single-file program with the
 * packaged app's libraries on the class path:
 *
 * <pre>
 *   java -cp 'referral-bootstrap/target/quarkus-app/lib/main/*' bench/tools/HashTool.java hash PASSWORD
 *   java -cp '...' bench/tools/HashTool.java verify-time PASSWORD HASH COUNT THREADS
 * </pre>
 *
 * {@code hash} prints one Argon2id PHC string made with the production defaults (the value seeded for every
 * benchmark user). {@code verify-time} measures what one token request costs in CPU: it warms up, then times
 * COUNT verifications on one thread (the median is "the time of one password verification") and COUNT
 * verifications spread over THREADS threads (what the machine really does in parallel), and prints one line
 * of JSON.
 */
public class HashTool {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("hash")) {
            System.out.println(Argon2idPasswordHasher.withDefaults().hash(args[1]).value());
            return;
        }
        if (args.length >= 5 && args[0].equals("verify-time")) {
            verifyTime(args[1], new PasswordHash(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        System.err.println("usage: HashTool hash PASSWORD | verify-time PASSWORD HASH COUNT THREADS");
        System.exit(2);
    }

    private static void verifyTime(String password, PasswordHash hash, int count, int threads) throws Exception {
        // The verifying side reads its parameters from the stored hash, exactly like a login.
        Argon2idPasswordHasher hasher = Argon2idPasswordHasher.withDefaults();
        if (!hasher.matches(password, hash)) {
            throw new IllegalStateException("the password does not match the hash");
        }
        for (int i = 0; i < Math.max(10, count / 3); i++) {
            hasher.matches(password, hash);
        }
        long[] single = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            hasher.matches(password, hash);
            single[i] = System.nanoTime() - t0;
        }
        Arrays.sort(single);
        double medianMs = single[count / 2] / 1e6;
        double meanMs = Arrays.stream(single).average().orElse(0) / 1e6;

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            int perThread = Math.max(1, count / threads);
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        hasher.matches(password, hash);
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double parallelPerSecond = perThread * threads / seconds;
            System.out.printf(Locale.ROOT,
                    "{\"count\": %d, \"singleMedianMs\": %.3f, \"singleMeanMs\": %.3f, \"singleP90Ms\": %.3f, "
                            + "\"threads\": %d, \"parallelPerSecond\": %.2f, \"cores\": %d}%n",
                    count, medianMs, meanMs, single[(int) (count * 0.9)] / 1e6, threads, parallelPerSecond,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            pool.shutdown();
        }
    }
}
