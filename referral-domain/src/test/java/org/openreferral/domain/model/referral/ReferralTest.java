package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

class ReferralTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final UserId referrer = UserId.newId();
    private final UserId referee = UserId.newId();

    @Test
    void recordsWhoReferredWhomWithWhichCodeAndWhen() {
        ReferralCode code = codeExpiringAt(NOW.plus(Duration.ofDays(1)));

        Referral referral = Referral.record(code, referee, new Email("jane@example.com"),
                new Email("john@example.com"), NOW);

        assertThat(referral.referrer()).isEqualTo(referrer);
        assertThat(referral.referee()).isEqualTo(referee);
        assertThat(referral.code()).isEqualTo(code.id());
        assertThat(referral.createdAt()).isEqualTo(NOW);
        assertThat(referral.id()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"john.doe@gmail.com", "JohnDoe@gmail.com", "j.o.h.n.d.o.e@googlemail.com",
            "johndoe+second@gmail.com", "John.Doe+x@GoogleMail.com"})
    void referrerCannotReferTheirOwnGmailMailbox(String refereeAddress) {
        ReferralCode code = codeExpiringAt(NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> Referral.record(code, referee, new Email(refereeAddress),
                new Email("johndoe@gmail.com"), NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("self-referral"));
    }

    @Test
    void referrerCannotReferTheirOwnTaggedAddress() {
        ReferralCode code = codeExpiringAt(NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> Referral.record(code, referee, new Email("John+again@Example.com"),
                new Email("john@example.com"), NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("self-referral"));
    }

    @Test
    void dottedAddressOutsideGmailIsAnotherMailbox() {
        ReferralCode code = codeExpiringAt(NOW.plus(Duration.ofDays(1)));

        Referral referral = Referral.record(code, referee, new Email("john.doe@example.com"),
                new Email("johndoe@example.com"), NOW);

        assertThat(referral.referee()).isEqualTo(referee);
    }

    @Test
    void codeThatExpiredAMomentAgoCannotBeUsed() {
        ReferralCode code = codeExpiringAt(NOW.minusMillis(1));

        assertThatThrownBy(() -> Referral.record(code, referee, new Email("jane@example.com"),
                new Email("john@example.com"), NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("code-expired"));
    }

    @Test
    void revokedCodeCannotBeUsed() {
        ReferralCode code = codeExpiringAt(NOW.plus(Duration.ofDays(1)));
        code.revoke(NOW.minusSeconds(1));

        assertThatThrownBy(() -> Referral.record(code, referee, new Email("jane@example.com"),
                new Email("john@example.com"), NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("code-revoked"));
    }

    private ReferralCode codeExpiringAt(Instant expiresAt) {
        Instant created = NOW.minus(Duration.ofDays(2));
        return ReferralCode.issue(ReferralCodeId.newId(), new CodeValue("Summer-2026"), referrer, expiresAt,
                CodePolicy.defaults(), created);
    }
}
