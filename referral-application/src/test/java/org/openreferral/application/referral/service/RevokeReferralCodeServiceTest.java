package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase.RevokeReferralCodeCommand;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class RevokeReferralCodeServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final User mallory = fx.user("mallory", "mallory@example.com");
    private final ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));
    private final RevokeReferralCodeService service = new RevokeReferralCodeService(fx.users, fx.codes,
            fx.referrals, fx.codeCache, fx.referralEvents, fx.unitOfWork, fx.clock);

    @Test
    void ownerRevokesTheirCode() {
        fx.referee(code, "jane", "jane@example.com");
        fx.clock.advance(Duration.ofMinutes(5));
        Instant now = fx.clock.instant();

        CodeView view = revoke(john, "Summer-2026");

        assertThat(view.status()).isEqualTo("REVOKED");
        assertThat(view.revokedAt()).isEqualTo(now);
        assertThat(view.referrals()).isEqualTo(1);
        ReferralCode stored = fx.codes.stored("Summer-2026").orElseThrow();
        assertThat(stored.storedStatus()).isEqualTo(CodeStatus.REVOKED);
        assertThat(stored.revokedAt()).contains(now);
    }

    @Test
    void codeIsFoundWhateverItsCaseAndLockedForUpdate() {
        revoke(john, "SUMMER-2026");

        assertThat(fx.codes.stored("Summer-2026").orElseThrow().storedStatus()).isEqualTo(CodeStatus.REVOKED);
        assertThat(fx.codes.locks()).containsExactly(Lock.UPDATE);
    }

    @Test
    void revokedCodeIsDroppedFromTheCacheAfterCommit() {
        fx.codeCache.putIfUnchanged(john.email(), fx.codeCache.read(john.email()),
                new CachedCode("Summer-2026", code.expiresAt()), Duration.ofMinutes(5));

        revoke(john, "Summer-2026");

        assertThat(fx.codeCache.cached(john.email())).isEmpty();
        assertThat(fx.codeCache.evictions()).containsExactly(john.email());
        assertThat(fx.codeCache.usedInsideTransaction()).isFalse();
    }

    @Test
    void somebodyElsesCodeIsNotFoundAndStaysActive() {
        assertNotFound("Summer-2026", mallory);

        assertThat(fx.codes.stored("Summer-2026").orElseThrow().storedStatus()).isEqualTo(CodeStatus.ACTIVE);
        assertThat(fx.codeCache.evictions()).isEmpty();
    }

    @Test
    void adminCannotRevokeSomebodyElsesCodeEither() {
        User admin = fx.admin("root", "root@example.com");

        assertNotFound("Summer-2026", admin);
    }

    @Test
    void unknownCodeIsNotFound() {
        assertNotFound("NoSuchCode", john);
    }

    @Test
    void revokingTwiceIsAConflict() {
        revoke(john, "Summer-2026");
        Instant firstRevocation = fx.clock.instant();
        fx.clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> revoke(john, "Summer-2026"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-revoked"));
        assertThat(fx.codes.stored("Summer-2026").orElseThrow().revokedAt()).contains(firstRevocation);
    }

    @Test
    void expiredCodeCannotBeRevoked() {
        fx.clock.advance(Duration.ofDays(31));

        assertThatThrownBy(() -> revoke(john, "Summer-2026"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-expired"));
        assertThat(fx.codes.stored("Summer-2026").orElseThrow().storedStatus()).isEqualTo(CodeStatus.ACTIVE);
    }

    private CodeView revoke(User caller, String code) {
        return service.revoke(new RevokeReferralCodeCommand(Fixture.callerOf(caller), new CodeValue(code)));
    }

    private void assertNotFound(String value, User caller) {
        assertThatThrownBy(() -> revoke(caller, value))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("code-not-found"));
    }

    @Test
    void aRevokedCodeIsOneCodeRevokedEvent() {
        revoke(john, "Summer-2026");
        assertThatThrownBy(() -> revoke(john, "Summer-2026")).isInstanceOf(RuntimeException.class);

        List<OutboxEvent> revoked = fx.events.appended(EventType.CODE_REVOKED);
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).data()).containsEntry("code", "Summer-2026").containsEntry("status", "REVOKED")
                .containsEntry("ownerId", john.id().value().toString()).containsEntry("ownerUsername", "john");
    }
}
