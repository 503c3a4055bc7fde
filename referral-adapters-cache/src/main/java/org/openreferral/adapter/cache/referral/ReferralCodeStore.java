package org.openreferral.adapter.cache.referral;

import java.time.Duration;
import java.util.Optional;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;

/**
 * Where the lookup cache keeps its entries: per key a code and a generation, which a put compares and an
 * evict replaces, each atomically. {@link GenerationCheckedCache} applies the rules around it.
 */
interface ReferralCodeStore {

    /** What a read found; a null generation means the store could not tell, and no put may follow. */
    record Stored(Optional<CachedCode> code, String generation) {

        static final Stored UNKNOWN = new Stored(Optional.empty(), null);
    }

    Stored read(String key);

    /** Stores the code for {@code ttl} if the key's generation is still {@code generation}. */
    void putIfGeneration(String key, String generation, CachedCode code, Duration ttl);

    /** Drops the code and gives the key a generation it never had before. */
    void evict(String key);
}
