package org.openreferral.adapter.cache.account;

import io.vertx.mutiny.redis.client.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openreferral.adapter.cache.shared.RedisCalls;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

/**
 * The deny-list in Redis, shared by every instance: {@code referral:denied:<entry>} with the entry's ttl
 * (entries are random token and session ids, nothing personal). Every denial is also kept in this
 * process, so a logout handled here holds here even if Redis failed to take it; a lookup that Redis cannot
 * answer falls back to that local copy (fail-open for denials made elsewhere during an outage).
 */
final class RedisAccessTokenDenyList implements AccessTokenDenyList {

    private final RedisCalls redis;
    private final InMemoryAccessTokenDenyList local;

    RedisAccessTokenDenyList(RedisCalls redis, InMemoryAccessTokenDenyList local) {
        this.redis = redis;
        this.local = local;
    }

    @Override
    public void deny(String entry, Duration ttl) {
        local.deny(entry, ttl);
        redis.execute("deny-list write", null, reply -> null, Command.SET, key(entry), "1", "PX",
                Long.toString(Math.max(1, ttl.toMillis())));
    }

    @Override
    public boolean isAnyDenied(List<String> entries) {
        if (entries.isEmpty() || local.isAnyDenied(entries)) {
            return !entries.isEmpty();
        }
        List<String> keys = new ArrayList<>(entries.size());
        entries.forEach(entry -> keys.add(key(entry)));
        return redis.execute("deny-list read", false, reply -> reply.toLong() > 0, Command.EXISTS,
                keys.toArray(String[]::new));
    }

    static String key(String entry) {
        return "referral:denied:" + entry;
    }
}
