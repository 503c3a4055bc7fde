package org.openreferral.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;
import org.openreferral.domain.model.user.Email;

/**
 * The lookup cache as the port promises it, with plain maps: a fill is stored only if no eviction came
 * after its snapshot, and is served until its code expires. The lifetimes the real caches add on top
 * ({@code referral.cache.lookup-ttl}, generations) are theirs, tested by the cache adapter's contract.
 */
public final class FakeReferralCodeCache implements ReferralCodeCache {

    /** One fill, and whether it was stored. */
    public record Put(Email referrer, CachedCode code, boolean stored) {
    }

    private record Entry(CachedCode code, Instant until) {
    }

    // Never "0" or a number: a snapshot the fake did not hand out matches no generation.
    private static final String NEVER_EVICTED = "g0";

    private final Clock clock;
    private final FakeUnitOfWork unitOfWork;
    private final AttemptCounters counters;
    private final Map<Email, Entry> entries = new HashMap<>();
    private final Map<Email, String> generations = new HashMap<>();
    private final List<Put> puts = new ArrayList<>();
    private final List<Email> evictions = new ArrayList<>();
    private boolean usedInsideTransaction;

    public FakeReferralCodeCache(Clock clock, FakeUnitOfWork unitOfWork, AttemptCounters counters) {
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.counters = counters;
    }

    @Override
    public CompletionStage<CountedRead> readCounting(Email referrer, Optional<Attempt> attempt) {
        Optional<Window> counted = attempt.map(a -> counters.increment(a.key(), a.window(), a.now()));
        return CompletableFuture.completedFuture(new CountedRead(read(referrer), counted));
    }

    @Override
    public Snapshot read(Email referrer) {
        String generation = generations.getOrDefault(referrer, NEVER_EVICTED);
        return Optional.ofNullable(entries.get(referrer))
                .filter(entry -> entry.until().isAfter(clock.instant()))
                .map(entry -> new Snapshot(Optional.of(entry.code()), generation))
                .orElseGet(() -> Snapshot.miss(generation));
    }

    @Override
    public void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code) {
        store(referrer, snapshot, code, code.expiresAt());
    }

    /** A fill kept for {@code keptFor} whatever its code's expiry, as a cache whose clock lags could keep it. */
    public void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code, Duration keptFor) {
        store(referrer, snapshot, code, clock.instant().plus(keptFor));
    }

    @Override
    public void evict(Email referrer) {
        usedInsideTransaction |= unitOfWork.isActive();
        evictions.add(referrer);
        entries.remove(referrer);
        generations.put(referrer, "g" + evictions.size());
    }

    /** Test inspection: what is cached for the referrer now. */
    public Optional<CachedCode> cached(Email referrer) {
        return read(referrer).code();
    }

    public List<Put> puts() {
        return List.copyOf(puts);
    }

    public List<Email> evictions() {
        return List.copyOf(evictions);
    }

    /** Whether anybody wrote to or evicted from the cache while a unit of work was open. */
    public boolean usedInsideTransaction() {
        return usedInsideTransaction;
    }

    private void store(Email referrer, Snapshot snapshot, CachedCode code, Instant until) {
        usedInsideTransaction |= unitOfWork.isActive();
        boolean unchanged = snapshot.generation().equals(generations.getOrDefault(referrer, NEVER_EVICTED))
                && until.isAfter(clock.instant());
        puts.add(new Put(referrer, code, unchanged));
        if (unchanged) {
            entries.put(referrer, new Entry(code, until));
        }
    }
}
