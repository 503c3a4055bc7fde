package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodeStatusTest {

    private static final Instant EXPIRY = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void storedActiveCodeIsActiveUntilItsExpiry() {
        assertThat(CodeStatus.effective(CodeStatus.ACTIVE, EXPIRY, EXPIRY.minusNanos(1))).isEqualTo(CodeStatus.ACTIVE);
    }

    @Test
    void storedActiveCodeIsExpiredFromTheInstantOfItsExpiry() {
        assertThat(CodeStatus.effective(CodeStatus.ACTIVE, EXPIRY, EXPIRY)).isEqualTo(CodeStatus.EXPIRED);
        assertThat(CodeStatus.effective(CodeStatus.ACTIVE, EXPIRY, EXPIRY.plusSeconds(1))).isEqualTo(CodeStatus.EXPIRED);
    }

    @Test
    void revokedCodeStaysRevokedAfterItsExpiry() {
        assertThat(CodeStatus.effective(CodeStatus.REVOKED, EXPIRY, EXPIRY.plusSeconds(1)))
                .isEqualTo(CodeStatus.REVOKED);
    }

    @Test
    void codeMarkedExpiredStaysExpiredWhateverItsExpiry() {
        assertThat(CodeStatus.effective(CodeStatus.EXPIRED, EXPIRY, EXPIRY.minusSeconds(1)))
                .isEqualTo(CodeStatus.EXPIRED);
    }
}
