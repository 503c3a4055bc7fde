package org.openreferral.adapter.cache.referral;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Attempt;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;

/**
 * Where the lookup cache keeps its entries: per key a code and a generation, which a put compares and an
 * evict replaces, each atomically. {@link GenerationCheckedCache} applies the rules around it.
 */
interface ReferralCodeStore {

    /** What a read found; a null generation means the store could not tell, and no put may follow. */
    record Stored(Optional<CachedCode> code, String generation) {

        static final Stored UNKNOWN = new Stored(Optional.empty(), null);
    }

    /** A read, and the window the attempt counted with it fell into (empty when none was counted). */
    record CountedStored(Stored stored, Optional<Window> attempts) {
    }

    Stored read(String key);

    /**
     * {@link #read} and the attempt, if any, counted on the instance's attempt counters, in one round trip where
     * the store is remote; never blocks and never completes exceptionally.
     */
    CompletionStage<CountedStored> readCounting(String key, Optional<Attempt> attempt);

    /** Stores the code for {@code ttl} if the key's generation is still {@code generation}. */
    void putIfGeneration(String key, String generation, CachedCode code, Duration ttl);

    /** Drops the code and gives the key a generation it never had before. */
    void evict(String key);
}
