package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.account.port.out.SubjectExistenceCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** The application as it runs with no Redis configured at all. */
@QuarkusTest
class MemoryBackendWithoutRedisTest {

    private static final CachedCode CODE = new CachedCode("FRIEND-2030", Instant.parse("2030-01-01T12:00:00Z"));

    @Inject
    CacheWiring wiring;

    @Inject
    ReferralCodeCache codes;

    @Inject
    EmailVerdictCache verdicts;

    @Inject
    SubjectExistenceCache subjects;

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void withoutRedisHostsTheInProcessCachesServe() {
        Email referrer = new Email("referrer.memory@example.org");
        Email address = new Email("someone.memory@mail.example");
        UserId user = UserId.newId();

        codes.putIfUnchanged(referrer, codes.read(referrer), CODE);
        verdicts.put(address, EmailVerdict.of(Status.VALID, "ok"), Duration.ofMinutes(1));
        subjects.rememberExists(user, Duration.ofMinutes(1));

        assertThat(wiring.backend()).isEqualTo(CacheBackend.MEMORY);
        assertThat(codes.read(referrer).code()).contains(CODE);
        assertThat(verdicts.get(address)).contains(EmailVerdict.of(Status.VALID, "ok"));
        assertThat(subjects.isKnownToExist(user)).isTrue();
    }

    @Test
    void withoutRedisHostsTheRedisClientStaysInactiveAndReadinessIsUp() {
        var redis = Arc.container().select(ReactiveRedisDataSource.class);

        assertThat(redis.isResolvable() && redis.getHandle().getBean().isActive()).isFalse();
        assertThat(health.getReadiness().isDown()).isFalse();
        assertThat(health.getLiveness().isDown()).isFalse();
    }
}
