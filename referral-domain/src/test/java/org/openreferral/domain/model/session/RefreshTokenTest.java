package org.openreferral.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.session.RefreshToken.Presentation;
import org.openreferral.domain.model.user.UserId;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final RefreshToken token = RefreshToken.issue(UUID.randomUUID(), SessionId.newId(), UserId.newId(),
            "digest-1", NOW, LIFETIME);

    @Test
    void aNewTokenIsUsableUntilItsExpiry() {
        assertThat(token.presentedAt(NOW)).isEqualTo(Presentation.USABLE);
        assertThat(token.presentedAt(NOW.plus(LIFETIME).minusMillis(1))).isEqualTo(Presentation.USABLE);
        assertThat(token.presentedAt(NOW.plus(LIFETIME))).isEqualTo(Presentation.EXPIRED);
    }

    @Test
    void rotationHandsOverToASuccessorInTheSameSessionWithAFreshLifetime() {
        Instant later = NOW.plus(Duration.ofDays(10));

        RefreshToken successor = token.rotate(UUID.randomUUID(), "digest-2", later, LIFETIME);

        assertThat(successor.session()).isEqualTo(token.session());
        assertThat(successor.user()).isEqualTo(token.user());
        assertThat(successor.expiresAt()).isEqualTo(later.plus(LIFETIME));
        assertThat(successor.presentedAt(later)).isEqualTo(Presentation.USABLE);
        assertThat(token.status()).isEqualTo(RefreshTokenStatus.ROTATED);
        assertThat(token.rotatedAt()).contains(later);
    }

    @Test
    void aRotatedTokenPresentedAgainIsAReuse() {
        token.rotate(UUID.randomUUID(), "digest-2", NOW, LIFETIME);

        assertThat(token.presentedAt(NOW)).isEqualTo(Presentation.REUSED);
        assertThatThrownBy(() -> token.rotate(UUID.randomUUID(), "digest-3", NOW, LIFETIME))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredTokenCannotBeRotated() {
        assertThatThrownBy(() -> token.rotate(UUID.randomUUID(), "digest-2", NOW.plus(LIFETIME), LIFETIME))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRevokedTokenReadsAsRevokedEvenBeforeItsExpiry() {
        RefreshToken revoked = RefreshToken.reconstitute(token.id(), token.session(), token.user(), token.digest(),
                NOW, NOW.plus(LIFETIME), RefreshTokenStatus.REVOKED, null, NOW);

        assertThat(revoked.presentedAt(NOW)).isEqualTo(Presentation.REVOKED);
    }

    @Test
    void aLifetimeMustBePositive() {
        assertThatThrownBy(() -> RefreshToken.issue(UUID.randomUUID(), SessionId.newId(), UserId.newId(), "d", NOW,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
