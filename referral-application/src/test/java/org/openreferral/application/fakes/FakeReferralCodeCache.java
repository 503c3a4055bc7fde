package org.openreferral.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

/**
 * An in-memory lookup cache that honours the port's contract: entries live for their TTL on the given
 * clock, and every eviction bumps the entry's generation so that older snapshots can no longer write.
 */
public final class FakeReferralCodeCache implements ReferralCodeCache {

    /** One call of {@link #putIfUnchanged}, and whether it was stored. */
    public record Put(Email referrer, CachedCode code, Duration ttl, boolean stored) {
    }

    private record Entry(CachedCode code, Instant until) {
    }

    private final Clock clock;
    private final FakeUnitOfWork unitOfWork;
    private final Map<Email, Entry> entries = new HashMap<>();
    private final Map<Email, Long> generations = new HashMap<>();
    private final List<Put> puts = new ArrayList<>();
    private final List<Email> evictions = new ArrayList<>();
    private boolean usedInsideTransaction;

    public FakeReferralCodeCache(Clock clock, FakeUnitOfWork unitOfWork) {
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Snapshot read(Email referrer) {
        String generation = String.valueOf(generations.getOrDefault(referrer, 0L));
        return Optional.ofNullable(entries.get(referrer))
                .filter(entry -> entry.until().isAfter(clock.instant()))
                .map(entry -> new Snapshot(Optional.of(entry.code()), generation))
                .orElseGet(() -> Snapshot.miss(generation));
    }

    @Override
    public void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code, Duration ttl) {
        usedInsideTransaction |= unitOfWork.isActive();
        boolean unchanged = snapshot.generation().equals(String.valueOf(generations.getOrDefault(referrer, 0L)));
        puts.add(new Put(referrer, code, ttl, unchanged));
        if (unchanged) {
            entries.put(referrer, new Entry(code, clock.instant().plus(ttl)));
        }
    }

    @Override
    public void evict(Email referrer) {
        usedInsideTransaction |= unitOfWork.isActive();
        evictions.add(referrer);
        entries.remove(referrer);
        generations.merge(referrer, 1L, Long::sum);
    }

    /** Test inspection: what is cached for the referrer now, honouring TTLs. */
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
}
