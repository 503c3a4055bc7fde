package org.openreferral.adapter.cache.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

/**
 * The deny-list in this process: entries with a deadline on the monotonic clock, as access tokens expire
 * in real time. Never bounded by size: dropping an entry would revive a revoked token, and entries live
 * at most one access-token lifetime. Expired entries are swept now and then. It always answers, and never loses a
 * denial it took, so it never needs a refill; but it knows only the denials made by this process (several
 * instances on this backend: ADR 0004, "Revocation fails open").
 */
final class InMemoryAccessTokenDenyList implements AccessTokenDenyList {

    private static final int SWEEP_EVERY = 256;

    private final ConcurrentHashMap<String, Long> deadlines = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public void deny(String entry, Duration ttl) {
        long now = System.nanoTime();
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            deadlines.values().removeIf(deadline -> now - deadline >= 0);
        }
        long deadline = now + ttl.toNanos();
        deadlines.merge(entry, deadline, (old, fresh) -> fresh - old > 0 ? fresh : old);
    }

    @Override
    public Verdict check(List<String> entries) {
        return isAnyDenied(entries) ? Verdict.DENIED : Verdict.NOT_DENIED;
    }

    @Override
    public void refillIfDue(Supplier<Map<String, Duration>> unexpired) {
        // Nothing to do: this list answers every time and keeps every denial it was given.
    }

    boolean isAnyDenied(List<String> entries) {
        long now = System.nanoTime();
        for (String entry : entries) {
            Long deadline = deadlines.get(entry);
            if (deadline != null && now - deadline < 0) {
                return true;
            }
        }
        return false;
    }
}
