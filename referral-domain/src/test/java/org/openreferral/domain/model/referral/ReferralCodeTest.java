package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.UserId;

class ReferralCodeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CodePolicy POLICY = new CodePolicy(Duration.ofDays(365));

    private final UserId owner = UserId.newId();

    @Test
    void newCodeIsActiveAndBelongsToItsOwner() {
        ReferralCode code = issue(NOW.plus(Duration.ofDays(30)));

        assertThat(code.statusAt(NOW)).isEqualTo(CodeStatus.ACTIVE);
        assertThat(code.isActiveAt(NOW)).isTrue();
        assertThat(code.storedStatus()).isEqualTo(CodeStatus.ACTIVE);
        assertThat(code.owner()).isEqualTo(owner);
        assertThat(code.createdAt()).isEqualTo(NOW);
        assertThat(code.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(code.revokedAt()).isEmpty();
    }

    @Test
    void expiryIsRequired() {
        assertRefusedExpiry(null);
    }

    @Test
    void expiryMustLieInTheFuture() {
        assertRefusedExpiry(NOW);
        assertRefusedExpiry(NOW.minusSeconds(1));
    }

    @Test
    void expiryOneSecondAheadIsAllowed() {
        assertThat(issue(NOW.plusSeconds(1)).isActiveAt(NOW)).isTrue();
    }

    @Test
    void expiryExactlyAtTheMaximumIsAllowed() {
        assertThat(issue(NOW.plus(Duration.ofDays(365))).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void expiryOneSecondBeyondTheMaximumIsRefused() {
        assertRefusedExpiry(NOW.plus(Duration.ofDays(365)).plusSeconds(1));
    }

    @Test
    void maximumComesFromThePolicy() {
        CodePolicy week = new CodePolicy(Duration.ofDays(7));

        assertThat(ReferralCode.issue(ReferralCodeId.newId(), new CodeValue("abcd"), owner,
                NOW.plus(Duration.ofDays(7)), week, NOW).isActiveAt(NOW)).isTrue();
        assertThatThrownBy(() -> ReferralCode.issue(ReferralCodeId.newId(), new CodeValue("abcd"), owner,
                NOW.plus(Duration.ofDays(7)).plusSeconds(1), week, NOW))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void policyDefaultsTo365DaysAndRefusesNonPositiveTtl() {
        assertThat(CodePolicy.defaults().maxTtl()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> new CodePolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodePolicy(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codeExpiresWhenTimePassesItsExpiry() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        ReferralCode code = issue(expiry);

        assertThat(code.statusAt(expiry.minusMillis(1))).isEqualTo(CodeStatus.ACTIVE);
        assertThat(code.statusAt(expiry)).isEqualTo(CodeStatus.EXPIRED);
        assertThat(code.statusAt(expiry.plus(Duration.ofDays(1)))).isEqualTo(CodeStatus.EXPIRED);
        assertThat(code.isActiveAt(expiry)).isFalse();
        assertThat(code.storedStatus()).isEqualTo(CodeStatus.ACTIVE);
    }

    @Test
    void revokingStopsTheCodeAndRemembersWhen() {
        ReferralCode code = issue(NOW.plus(Duration.ofDays(30)));
        Instant later = NOW.plus(Duration.ofMinutes(5));

        code.revoke(later);

        assertThat(code.statusAt(later)).isEqualTo(CodeStatus.REVOKED);
        assertThat(code.storedStatus()).isEqualTo(CodeStatus.REVOKED);
        assertThat(code.revokedAt()).contains(later);
        assertThat(code.isActiveAt(later)).isFalse();
    }

    @Test
    void revokedCodeStaysRevokedAfterItsExpiry() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        ReferralCode code = issue(expiry);
        code.revoke(NOW);

        assertThat(code.statusAt(expiry.plusSeconds(1))).isEqualTo(CodeStatus.REVOKED);
    }

    @Test
    void revokingTwiceIsAConflict() {
        ReferralCode code = issue(NOW.plus(Duration.ofDays(30)));
        code.revoke(NOW);

        assertThatThrownBy(() -> code.revoke(NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-revoked"));
        assertThat(code.revokedAt()).contains(NOW);
    }

    @Test
    void expiredCodeCannotBeRevoked() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        ReferralCode code = issue(expiry);

        assertThatThrownBy(() -> code.revoke(expiry.plusSeconds(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-expired"));
        assertThat(code.storedStatus()).isEqualTo(CodeStatus.ACTIVE);
        assertThat(code.revokedAt()).isEmpty();
    }

    @Test
    void activeCodeIsUsable() {
        issue(NOW.plus(Duration.ofDays(1))).ensureUsableAt(NOW);
    }

    @Test
    void revokedCodeIsNotUsable() {
        ReferralCode code = issue(NOW.plus(Duration.ofDays(1)));
        code.revoke(NOW);

        assertThatThrownBy(() -> code.ensureUsableAt(NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("code-revoked"));
    }

    @Test
    void expiredCodeIsNotUsable() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        ReferralCode code = issue(expiry);

        assertThatThrownBy(() -> code.ensureUsableAt(expiry))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("code-expired"));
    }

    @Test
    void reconstitutedExpiredCodeReadsExpired() {
        ReferralCode code = ReferralCode.reconstitute(ReferralCodeId.newId(), new CodeValue("abcd"), owner,
                NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)), CodeStatus.EXPIRED, null);

        assertThat(code.statusAt(NOW)).isEqualTo(CodeStatus.EXPIRED);
    }

    private ReferralCode issue(Instant expiresAt) {
        return ReferralCode.issue(ReferralCodeId.newId(), new CodeValue("Summer-2026"), owner, expiresAt, POLICY, NOW);
    }

    private void assertRefusedExpiry(Instant expiresAt) {
        assertThatThrownBy(() -> issue(expiresAt))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo(ReferralCode.EXPIRY));
    }
}
