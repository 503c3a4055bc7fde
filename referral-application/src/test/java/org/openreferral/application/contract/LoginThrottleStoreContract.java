package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.LoginThrottle;
import org.openreferral.application.account.port.out.LoginThrottleStore;

/**
 * Contract of {@code LoginThrottleStore}: a bucket reads back as saved, an unknown or expired one as empty, removal
 * by bucket and by account, and the purge of expired buckets only, in bounded batches.
 */
public abstract class LoginThrottleStoreContract extends RepositoryContract {

    private static final LoginThrottle.Limit LIMIT = new LoginThrottle.Limit(1, Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(15));

    private LoginThrottleStore store;

    /** The store under test, over the empty {@code stores} (and their unit of work). */
    protected abstract LoginThrottleStore loginThrottleStore(Stores stores);

    @BeforeEach
    void openStore() {
        store = loginThrottleStore(stores);
    }

    private LoginThrottle acquired(String bucket, Instant now) {
        return writing(() -> store.acquire(bucket, "account:a", now));
    }

    private void saved(String bucket, String account, LoginThrottle state) {
        write(() -> store.save(bucket, account, state));
    }

    private static LoginThrottle locked() {
        return LoginThrottle.none(NOW).counted(NOW, LIMIT).counted(NOW, LIMIT);
    }

    @Test
    void anUnknownBucketIsEmptyAndASavedOneReadsBackExactly() {
        assertThat(acquired("network:a@1", NOW)).isEqualTo(LoginThrottle.none(NOW));

        LoginThrottle state = locked();
        saved("network:a@1", "account:a", state);
        LoginThrottle once = LoginThrottle.none(NOW).counted(NOW, LIMIT);
        saved("network:a@1", "account:a", once);
        saved("network:a@1", "account:a", state);

        assertThat(state.lockedUntil()).isEqualTo(Optional.of(NOW.plus(Duration.ofMinutes(1))));
        assertThat(acquired("network:a@1", NOW.plusSeconds(1))).isEqualTo(state);
        assertThat(acquired("network:a@2", NOW)).isEqualTo(LoginThrottle.none(NOW));
    }

    @Test
    void anExpiredBucketReadsAsEmptyBeforeThePurge() {
        LoginThrottle state = locked();
        saved("network:a@1", "account:a", state);

        assertThat(acquired("network:a@1", state.expiresAt())).isEqualTo(LoginThrottle.none(state.expiresAt()));
    }

    @Test
    void bucketsGoOneByOneOrAllOfAnAccount() {
        saved("network:a@1", "account:a", locked());
        saved("account:a", "account:a", locked());
        saved("network:b@1", "account:b", locked());

        write(() -> store.remove("network:a@1"));
        assertThat(acquired("network:a@1", NOW)).isEqualTo(LoginThrottle.none(NOW));
        assertThat(acquired("account:a", NOW).lockedAt(NOW)).isTrue();

        write(() -> store.removeAccount("account:a"));
        assertThat(acquired("account:a", NOW)).isEqualTo(LoginThrottle.none(NOW));
        assertThat(acquired("network:b@1", NOW).lockedAt(NOW)).isTrue();
    }

    @Test
    void thePurgeDeletesExpiredBucketsOnlyAtMostTheLimitAtATime() {
        LoginThrottle state = locked();
        for (int i = 0; i < 3; i++) {
            saved("network:a@" + i, "account:a", state);
        }
        LoginThrottle later = LoginThrottle.none(NOW).counted(NOW.plus(Duration.ofHours(1)), LIMIT);
        saved("network:b@1", "account:b", later);
        Instant purgeAt = state.expiresAt();

        assertThat(writing(() -> store.purgeExpired(purgeAt, 2))).isEqualTo(2);
        assertThat(writing(() -> store.purgeExpired(purgeAt, 2))).isEqualTo(1);
        assertThat(writing(() -> store.purgeExpired(purgeAt, 2))).isZero();
        assertThat(acquired("network:b@1", purgeAt)).isEqualTo(later);
    }
}
