package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.FakeTicker;
import org.openreferral.domain.model.user.UserId;

class InMemorySubjectExistenceCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final FakeTicker ticker = new FakeTicker();
    private final InMemorySubjectExistenceCache subjects = new InMemorySubjectExistenceCache(100, ticker);

    @Test
    void aUserNeverRememberedIsNotKnown() {
        assertThat(subjects.isKnownToExist(UserId.newId())).isFalse();
    }

    @Test
    void aRememberedUserIsKnownUntilJustBeforeTheTtlEnds() {
        UserId user = UserId.newId();
        subjects.rememberExists(user, TTL);

        ticker.advance(TTL.minusMillis(1));
        assertThat(subjects.isKnownToExist(user)).isTrue();

        ticker.advance(Duration.ofMillis(1));
        assertThat(subjects.isKnownToExist(user)).isFalse();
    }

    @Test
    void rememberingAgainStartsAFreshPeriod() {
        UserId user = UserId.newId();
        subjects.rememberExists(user, TTL);
        ticker.advance(TTL);

        subjects.rememberExists(user, TTL);

        assertThat(subjects.isKnownToExist(user)).isTrue();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        UserId user = UserId.newId();

        subjects.rememberExists(user, Duration.ZERO);

        assertThat(subjects.isKnownToExist(user)).isFalse();
    }

    @Test
    void aFloodOfUsersCannotGrowTheMemoryBeyondItsBound() {
        for (int i = 0; i < 1_000; i++) {
            subjects.rememberExists(UserId.newId(), TTL);
        }

        assertThat(subjects.size()).isLessThanOrEqualTo(100);
    }
}
