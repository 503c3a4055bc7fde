package org.openreferral.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

/** The application as it runs with no Redis configured at all. */
@QuarkusTest
class MemoryBackendWithoutRedisTest {

    @Inject
    CacheWiring wiring;

    @Inject
    ReferralCodeCache codes;

    @Inject
    EmailVerdictCache verdicts;

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void withoutRedisHostsTheInProcessCachesServe() {
        Email referrer = ReferralCodeCacheContract.someReferrer();
        Email address = EmailVerdictCacheContract.someAddress();

        codes.putIfUnchanged(referrer, codes.read(referrer), ReferralCodeCacheContract.CODE, Duration.ofMinutes(1));
        verdicts.put(address, EmailVerdict.of(Status.VALID, "ok"), Duration.ofMinutes(1));

        assertThat(wiring.backend()).isEqualTo(CacheBackend.MEMORY);
        assertThat(codes.read(referrer).code()).contains(ReferralCodeCacheContract.CODE);
        assertThat(verdicts.get(address)).contains(EmailVerdict.of(Status.VALID, "ok"));
    }

    @Test
    void withoutRedisHostsTheRedisClientStaysInactiveAndReadinessIsUp() {
        var redis = Arc.container().select(ReactiveRedisDataSource.class);

        assertThat(redis.isResolvable() && redis.getHandle().getBean().isActive()).isFalse();
        assertThat(health.getReadiness().isDown()).isFalse();
        assertThat(health.getLiveness().isDown()).isFalse();
    }
}
