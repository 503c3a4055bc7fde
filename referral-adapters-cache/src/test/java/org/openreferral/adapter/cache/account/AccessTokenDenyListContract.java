package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.AccessTokenDenyList.Verdict;

/** What every {@link AccessTokenDenyList} must do; run against the in-process and the Redis implementation. */
abstract class AccessTokenDenyListContract {

    protected abstract AccessTokenDenyList denyList();

    /** Lets {@code time} pass and tells whether the condition then holds. */
    protected abstract boolean holdsOnceElapsed(Duration time, BooleanSupplier condition);

    static String someEntry() {
        return "jti:" + UUID.randomUUID();
    }

    @Test
    void nothingIsDeniedUntilSomebodyDeniesIt() {
        assertThat(denyList().check(List.of(someEntry(), someEntry()))).isEqualTo(Verdict.NOT_DENIED);
        assertThat(denyList().check(List.of())).isEqualTo(Verdict.NOT_DENIED);
    }

    @Test
    void aDeniedEntryIsFoundAmongOthers() {
        String denied = someEntry();
        denyList().deny(denied, Duration.ofMinutes(15));

        assertThat(denyList().check(List.of(someEntry(), denied))).isEqualTo(Verdict.DENIED);
        assertThat(denyList().check(List.of(denied))).isEqualTo(Verdict.DENIED);
        assertThat(denyList().check(List.of(someEntry()))).isEqualTo(Verdict.NOT_DENIED);
    }

    @Test
    void aDenialEndsWithItsTtl() {
        String denied = someEntry();
        denyList().deny(denied, Duration.ofMillis(300));

        assertThat(holdsOnceElapsed(Duration.ofMillis(300), () -> denyList().check(List.of(denied)) == Verdict.NOT_DENIED)).isTrue();
    }
}
