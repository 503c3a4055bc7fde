package org.openreferral.adapter.cache.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.domain.model.user.Email;

/** Email verdicts in this process: a bounded Caffeine map keyed by the keyed hash of the address. */
final class InMemoryEmailVerdictCache implements EmailVerdictCache {

    // No verdict is kept longer than this, whatever ttl it came with.
    static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private record Entry(EmailVerdict verdict, long deadline) {
    }

    private final KeyedHashes keys;
    private final Ticker ticker;
    private final Cache<String, Entry> entries;

    InMemoryEmailVerdictCache(KeyedHashes keys, long maxEntries, Ticker ticker) {
        this.keys = keys;
        this.ticker = ticker;
        // A fixed expire-after-write (native-friendly, see InMemoryReferralCodeStore); per-entry ttl via deadline.
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(MAX_LIFETIME)
                .ticker(ticker)
                .build();
    }

    @Override
    public Optional<EmailVerdict> get(Email email) {
        Entry entry = entries.getIfPresent(keys.of(email));
        if (entry == null || ticker.read() - entry.deadline() >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.verdict());
    }

    @Override
    public void put(Email email, EmailVerdict verdict, Duration ttl) {
        if (verdict == null || ttl == null || ttl.isNegative() || ttl.isZero()) {
            return;
        }
        Duration lifetime = ttl.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : ttl;
        entries.put(keys.of(email), new Entry(verdict, ticker.read() + lifetime.toNanos()));
    }

    Set<String> keys() {
        return Set.copyOf(entries.asMap().keySet());
    }
}
