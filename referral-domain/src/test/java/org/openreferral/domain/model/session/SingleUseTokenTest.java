package org.openreferral.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.user.UserId;

class SingleUseTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final SingleUseToken token = SingleUseToken.issue(UUID.randomUUID(), UserId.newId(), "digest",
            NOW, LIFETIME);

    @Test
    void aTokenWorksUntilItsExpiry() {
        assertThat(token.isUsableAt(NOW.plus(LIFETIME).minusMillis(1))).isTrue();
        assertThat(token.isUsableAt(NOW.plus(LIFETIME))).isFalse();
    }

    @Test
    void aTokenWorksOnce() {
        token.use(NOW.plusSeconds(60));

        assertThat(token.usedAt()).contains(NOW.plusSeconds(60));
        assertThat(token.isUsableAt(NOW.plusSeconds(61))).isFalse();
        assertThatThrownBy(() -> token.use(NOW.plusSeconds(62))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredTokenCannotBeUsed() {
        assertThatThrownBy(() -> token.use(NOW.plus(LIFETIME))).isInstanceOf(IllegalStateException.class);
        assertThat(token.usedAt()).isEmpty();
    }
}
