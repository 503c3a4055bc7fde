package org.openreferral.adapter.cache.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.openreferral.application.account.port.out.SubjectExistenceCache;
import org.openreferral.domain.model.user.UserId;

/** Users recently seen to exist, in this process: a size-bounded Caffeine map of deadlines on the ticker. */
final class InMemorySubjectExistenceCache implements SubjectExistenceCache {

    private final Ticker ticker;
    private final Cache<UserId, Long> deadlines;

    InMemorySubjectExistenceCache(long maxEntries, Ticker ticker) {
        this.ticker = ticker;
        // Bounded by size only (a Caffeine shape Quarkus registers for native images); the deadline decides,
        // and a lapsed entry is simply pushed out by newer ones.
        this.deadlines = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    @Override
    public boolean isKnownToExist(UserId user) {
        Long deadline = deadlines.getIfPresent(user);
        return deadline != null && ticker.read() - deadline < 0;
    }

    @Override
    public void rememberExists(UserId user, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            return;
        }
        deadlines.put(user, ticker.read() + ttl.toNanos());
    }

    long size() {
        deadlines.cleanUp();
        return deadlines.estimatedSize();
    }
}
