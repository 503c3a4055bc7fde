package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.FakeTicker;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.domain.model.user.Email;

class InMemoryEmailVerdictCacheTest extends EmailVerdictCacheContract {

    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryEmailVerdictCache cache =
            new InMemoryEmailVerdictCache(new KeyedHashes("test-secret"), 1_000, ticker);

    @Override
    protected EmailVerdictCache cache() {
        return cache;
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        ticker.advance(time);
        return condition.getAsBoolean();
    }

    @Override
    protected Collection<String> storedKeys() {
        return cache.keys();
    }

    @Test
    void aVerdictIsServedUntilJustBeforeItsTtlEnds() {
        Email address = someAddress();
        cache.put(address, EmailVerdict.of(Status.VALID, "deliverable"), Duration.ofDays(7));

        ticker.advance(Duration.ofDays(7).minusMillis(1));

        assertThat(cache.get(address)).isPresent();
    }

    @Test
    void noVerdictIsKeptLongerThanTheMaximumLifetime() {
        Email address = someAddress();
        cache.put(address, EmailVerdict.of(Status.VALID, "deliverable"), Duration.ofDays(3650));

        ticker.advance(InMemoryEmailVerdictCache.MAX_LIFETIME);

        assertThat(cache.get(address)).isEmpty();
    }
}
