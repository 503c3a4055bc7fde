package org.openreferral.adapter.cache.account;

import io.vertx.mutiny.redis.client.Command;
import java.time.Duration;
import java.util.Optional;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.adapter.cache.shared.RedisCalls;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.domain.model.user.Email;

/** Email verdicts in Redis ({@code referral:email:{h}} -> {@code STATUS|0/1|reason}); failures read as misses. */
final class RedisEmailVerdictCache implements EmailVerdictCache {

    private final RedisCalls redis;
    private final KeyedHashes keys;

    RedisEmailVerdictCache(RedisCalls redis, KeyedHashes keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Optional<EmailVerdict> get(Email email) {
        return redis.execute("verdict read", Optional.<EmailVerdict>empty(),
                reply -> reply == null ? Optional.empty() : decode(reply.toString()),
                Command.GET, key(email));
    }

    @Override
    public void put(Email email, EmailVerdict verdict, Duration ttl) {
        if (verdict == null || ttl == null || ttl.toMillis() <= 0) {
            return;
        }
        redis.execute("verdict write", null, reply -> null,
                Command.SET, key(email), encode(verdict), "PX", Long.toString(ttl.toMillis()));
    }

    private String key(Email email) {
        return "referral:email:{" + keys.of(email) + "}";
    }

    static String encode(EmailVerdict verdict) {
        return verdict.status().name() + "|" + (verdict.failed() ? "1" : "0") + "|" + verdict.reason();
    }

    static Optional<EmailVerdict> decode(String raw) {
        int first = raw.indexOf('|');
        int second = first < 0 ? -1 : raw.indexOf('|', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        String failed = raw.substring(first + 1, second);
        if (!failed.equals("0") && !failed.equals("1")) {
            return Optional.empty();
        }
        try {
            Status status = Status.valueOf(raw.substring(0, first));
            return Optional.of(new EmailVerdict(status, failed.equals("1"), raw.substring(second + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
