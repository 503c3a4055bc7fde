package org.openreferral.application.account.port.out;

import java.time.Instant;

/**
 * Out-port: the lockout buckets of the password grant, kept apart from the rate-limit counters and never evicted:
 * a bucket goes only when it has expired (or its account's password was reset). Every method runs inside a unit of
 * work; {@link #acquire} locks the bucket until that unit of work ends, so concurrent attempts on one bucket are
 * counted one after the other. Buckets are named by the caller; {@code account} groups the buckets of one account.
 */
public interface LoginThrottleStore {

    /** The bucket's state, an empty one ({@link LoginThrottle#none}) if there is none, locked for this unit of work. */
    LoginThrottle acquire(String bucket, String account, Instant now);

    /** Stores the bucket's new state. */
    void save(String bucket, String account, LoginThrottle state);

    /** Forgets one bucket. */
    void remove(String bucket);

    /** Forgets every bucket of {@code account}. */
    void removeAccount(String account);

    /** Deletes at most {@code limit} buckets expired at {@code now}; how many. */
    int purgeExpired(Instant now, int limit);
}
