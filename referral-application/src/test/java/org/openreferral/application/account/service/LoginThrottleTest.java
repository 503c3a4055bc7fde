package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.LoginThrottle;

/** The rule of one lockout bucket, on its own. */
class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LoginThrottle.Limit LIMIT = new LoginThrottle.Limit(2, Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(15));

    @Test
    void lockoutsDoubleFromTheFirstUpToTheLongest() {
        assertThat(LIMIT.lockout(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LIMIT.lockout(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LIMIT.lockout(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LIMIT.lockout(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LIMIT.lockout(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theAttemptOverTheLimitLocksAndStartsTheCountAgain() {
        LoginThrottle twice = LoginThrottle.none(NOW).counted(NOW, LIMIT).counted(NOW, LIMIT);
        assertThat(twice.lockedAt(NOW)).isFalse();

        LoginThrottle locked = twice.counted(NOW, LIMIT);

        assertThat(locked.lockedAt(NOW)).isTrue();
        assertThat(locked.lockedAt(NOW.plusSeconds(60))).isFalse();
        assertThat(locked.failures()).isZero();
        assertThat(locked.lockouts()).isEqualTo(1);
        assertThat(locked.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(16)));
    }

    @Test
    void failuresOfAClosedWindowNoLongerCount() {
        LoginThrottle twice = LoginThrottle.none(NOW).counted(NOW, LIMIT).counted(NOW, LIMIT);

        LoginThrottle later = twice.counted(NOW.plus(Duration.ofMinutes(15)), LIMIT);

        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void anExpiredStateIsForgottenLockoutCountIncluded() {
        LoginThrottle locked = LoginThrottle.none(NOW).counted(NOW, LIMIT).counted(NOW, LIMIT).counted(NOW, LIMIT);

        assertThat(locked.forgottenAt(locked.expiresAt())).isTrue();
        assertThat(locked.counted(locked.expiresAt(), LIMIT).lockouts()).isZero();
        assertThat(locked.refunded().failures()).isZero();
    }

    @Test
    void aFirstLockoutLongerThanTheLongestIsRefused() {
        assertThatThrownBy(() -> new LoginThrottle.Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(20),
                Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
    }
}
