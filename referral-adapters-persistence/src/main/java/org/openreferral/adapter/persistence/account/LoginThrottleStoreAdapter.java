package org.openreferral.adapter.persistence.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.openreferral.application.account.port.out.LoginThrottle;
import org.openreferral.application.account.port.out.LoginThrottleStore;

/**
 * Lockout buckets in PostgreSQL, named by the SHA-256 of their names (no login or address is stored). A bucket is
 * acquired with {@code INSERT ... ON CONFLICT DO NOTHING} and a {@code SELECT ... FOR UPDATE} of its row, so
 * concurrent attempts on one bucket, on any instance, are counted one after the other.
 */
@ApplicationScoped
public class LoginThrottleStoreAdapter implements LoginThrottleStore {

    private final EntityManager em;

    LoginThrottleStoreAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public LoginThrottle acquire(String bucket, String account, Instant now) {
        String id = digest(bucket);
        // An empty row that expires at once: a purge may take it if nobody saves a state into it.
        em.createNativeQuery("insert into login_throttles (bucket_hash, account_hash, failures, window_ends_at,"
                        + " lockouts, expires_at) values (?1, ?2, 0, ?3, 0, ?3) on conflict (bucket_hash) do nothing")
                .setParameter(1, id)
                .setParameter(2, digest(account))
                .setParameter(3, now)
                .executeUpdate();
        LoginThrottleJpaEntity row = em.find(LoginThrottleJpaEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        LoginThrottle state = toState(row);
        return now.isBefore(state.expiresAt()) ? state : LoginThrottle.none(now);
    }

    @Override
    public void save(String bucket, String account, LoginThrottle state) {
        String id = digest(bucket);
        LoginThrottleJpaEntity found = em.find(LoginThrottleJpaEntity.class, id);
        LoginThrottleJpaEntity row = found != null ? found : new LoginThrottleJpaEntity();
        row.bucketHash = id;
        row.accountHash = digest(account);
        row.failures = state.failures();
        row.windowEndsAt = state.windowEndsAt();
        row.lockouts = state.lockouts();
        row.lockedUntil = state.lockedUntil().orElse(null);
        row.expiresAt = state.expiresAt();
        if (found == null) {
            em.persist(row);
        }
        em.flush();
    }

    @Override
    public void remove(String bucket) {
        em.flush();
        em.createNativeQuery("delete from login_throttles where bucket_hash = ?1")
                .setParameter(1, digest(bucket))
                .executeUpdate();
        em.clear();
    }

    @Override
    public void removeAccount(String account) {
        em.flush();
        em.createNativeQuery("delete from login_throttles where account_hash = ?1")
                .setParameter(1, digest(account))
                .executeUpdate();
        em.clear();
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        // SKIP LOCKED: a bucket an attempt holds right now is left to the next run.
        return em.createNativeQuery("delete from login_throttles where bucket_hash in (select bucket_hash"
                        + " from login_throttles where expires_at <= ?1 limit ?2 for update skip locked)")
                .setParameter(1, now)
                .setParameter(2, limit)
                .executeUpdate();
    }

    private static LoginThrottle toState(LoginThrottleJpaEntity row) {
        return new LoginThrottle(row.failures, row.windowEndsAt, row.lockouts, Optional.ofNullable(row.lockedUntil),
                row.expiresAt);
    }

    private static String digest(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
