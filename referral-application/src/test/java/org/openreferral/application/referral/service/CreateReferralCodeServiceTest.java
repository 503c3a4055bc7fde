package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.fakes.ScriptedRandom;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.CreateReferralCodeUseCase.CreateReferralCodeCommand;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodePolicy;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class CreateReferralCodeServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final User jane = fx.user("jane", "jane@example.com");
    private final Caller caller = Fixture.callerOf(john);
    private final Instant inThirtyDays = Fixture.START.plus(Duration.ofDays(30));
    private CreateReferralCodeService service = service(new SecureRandom());

    private CreateReferralCodeService service(RandomGenerator random) {
        return new CreateReferralCodeService(fx.users, fx.codes, fx.codeCache, fx.referralEvents, fx.unitOfWork,
                CodePolicy.defaults(), random, fx.clock);
    }

    @Test
    void withoutAChosenCodeOneIsGenerated() {
        CodeView view = create(inThirtyDays, null);

        assertThat(view.code()).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}");
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.createdAt()).isEqualTo(Fixture.START);
        assertThat(view.expiresAt()).isEqualTo(inThirtyDays);
        assertThat(view.revokedAt()).isNull();
        assertThat(view.referrals()).isZero();
        ReferralCode stored = fx.codes.stored(view.code()).orElseThrow();
        assertThat(stored.owner()).isEqualTo(john.id());
        assertThat(stored.id().value()).isEqualTo(view.id());
    }

    @Test
    void chosenCodeIsKeptAsTyped() {
        CodeView view = create(inThirtyDays, "John_Summer-26");

        assertThat(view.code()).isEqualTo("John_Summer-26");
        assertThat(fx.codes.stored("john_summer-26").orElseThrow().value().value()).isEqualTo("John_Summer-26");
    }

    @Test
    void secondActiveCodeIsAConflict() {
        create(inThirtyDays, "first");

        assertThatThrownBy(() -> create(inThirtyDays, "second"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("active-code-exists"));
        assertThat(fx.codes.storedFor(john.id())).extracting(code -> code.value().value()).containsExactly("first");
    }

    @Test
    void secondActiveGeneratedCodeIsAConflictToo() {
        create(inThirtyDays, null);

        assertThatThrownBy(() -> create(inThirtyDays, null))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("active-code-exists"));
        assertThat(fx.codes.storedFor(john.id())).hasSize(1);
    }

    @Test
    void expiredCodeDoesNotBlockANewOne() {
        create(Fixture.START.plus(Duration.ofDays(1)), "first");
        fx.clock.advance(Duration.ofDays(1));

        CodeView second = create(fx.clock.instant().plus(Duration.ofDays(30)), "second");

        assertThat(second.status()).isEqualTo("ACTIVE");
        ReferralCode first = fx.codes.stored("first").orElseThrow();
        assertThat(first.statusAt(fx.clock.instant())).isEqualTo(CodeStatus.EXPIRED);
        assertThat(first.storedStatus()).isEqualTo(CodeStatus.EXPIRED);
    }

    @Test
    void revokedCodeDoesNotBlockANewOne() {
        fx.revokedCode(john, "first", Duration.ofDays(30));

        CodeView second = create(inThirtyDays, "second");

        assertThat(second.status()).isEqualTo("ACTIVE");
    }

    @Test
    void chosenCodeTakenInAnotherCaseIsAConflict() {
        fx.code(jane, "Summer-2026", Duration.ofDays(30));
        int attemptsBefore = fx.codes.addAttempts();

        assertThatThrownBy(() -> create(inThirtyDays, "SUMMER-2026"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-taken"));
        assertThat(fx.codes.storedFor(john.id())).isEmpty();
        // A chosen code is the caller's choice: it is not retried.
        assertThat(fx.codes.addAttempts() - attemptsBefore).isEqualTo(1);
    }

    @Test
    void revokedCodeOfSomebodyElseIsNeverHandedOutAgain() {
        fx.revokedCode(jane, "Summer-2026", Duration.ofDays(30));

        assertThatThrownBy(() -> create(inThirtyDays, "summer-2026"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-taken"));
    }

    @Test
    void ownExpiredCodeIsNotReusedEither() {
        fx.code(john, "Summer-2026", Duration.ofDays(1));
        fx.clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> create(fx.clock.instant().plus(Duration.ofDays(30)), "Summer-2026"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-taken"));
    }

    @Test
    void generatedCodeThatCollidesIsRetriedWithAFreshOne() {
        fx.code(jane, "AAAAAAAAAA", Duration.ofDays(30));
        ScriptedRandom random = ScriptedRandom.yielding("AAAAAAAAAA", "BBBBBBBBBB");
        service = service(random);

        CodeView view = create(inThirtyDays, null);

        assertThat(view.code()).isEqualTo("BBBBBBBBBB");
        assertThat(random.exhausted()).isTrue();
        assertThat(fx.codes.stored("AAAAAAAAAA").orElseThrow().owner()).isEqualTo(jane.id());
        assertThat(fx.codes.storedFor(john.id())).singleElement()
                .satisfies(code -> assertThat(code.value().value()).isEqualTo("BBBBBBBBBB"));
    }

    @Test
    void generationGivesUpAfterThreeCollisions() {
        fx.code(jane, "AAAAAAAAAA", Duration.ofDays(30));
        fx.code(fx.user("joe", "joe@example.com"), "BBBBBBBBBB", Duration.ofDays(30));
        fx.code(fx.user("ann", "ann@example.com"), "CCCCCCCCCC", Duration.ofDays(30));
        service = service(ScriptedRandom.yielding("AAAAAAAAAA", "BBBBBBBBBB", "CCCCCCCCCC"));
        int attemptsBefore = fx.codes.addAttempts();

        assertThatThrownBy(() -> create(inThirtyDays, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("code-taken"));
        assertThat(fx.codes.storedFor(john.id())).isEmpty();
        assertThat(fx.codes.addAttempts() - attemptsBefore).isEqualTo(3);
    }

    @Test
    void creatingACodeEvictsTheCachedLookupAfterCommit() {
        fx.codeCache.putIfUnchanged(john.email(), fx.codeCache.read(john.email()),
                new CachedCode("stale", inThirtyDays), Duration.ofMinutes(5));

        create(inThirtyDays, "fresh");

        assertThat(fx.codeCache.evictions()).containsExactly(john.email());
        assertThat(fx.codeCache.cached(john.email())).isEmpty();
        assertThat(fx.codeCache.usedInsideTransaction()).isFalse();
    }

    @Test
    void failedCreateDoesNotTouchTheCache() {
        fx.code(john, "first", Duration.ofDays(30));

        assertThatThrownBy(() -> create(inThirtyDays, "second"))
                .isInstanceOf(ConflictException.class);
        assertThat(fx.codeCache.evictions()).isEmpty();
    }

    @Test
    void expiryIsRequiredAndMustLieInTheFuture() {
        assertInvalidExpiry(null);
        assertInvalidExpiry(Fixture.START);
        assertInvalidExpiry(Fixture.START.minusSeconds(1));
    }

    @Test
    void expiryMayLieAtMostTheConfiguredMaximumAhead() {
        assertInvalidExpiry(Fixture.START.plus(Duration.ofDays(365)).plusSeconds(1));

        CodeView view = create(Fixture.START.plus(Duration.ofDays(365)), null);

        assertThat(view.expiresAt()).isEqualTo(Fixture.START.plus(Duration.ofDays(365)));
    }

    @Test
    void unknownCallerIsNotFound() {
        Caller ghost = new Caller(new UserId(UUID.randomUUID()), false);

        assertThatThrownBy(() -> service.create(
                new CreateReferralCodeCommand(ghost, inThirtyDays, new CodeValue("ghost"))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user-not-found"));
        assertThat(fx.codes.count()).isZero();
    }

    private CodeView create(Instant expiresAt, String code) {
        CodeValue chosen = code == null ? null : new CodeValue(code);
        return service.create(new CreateReferralCodeCommand(caller, expiresAt, chosen));
    }

    private void assertInvalidExpiry(Instant expiresAt) {
        assertThatThrownBy(() -> create(expiresAt, null))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo(ReferralCode.EXPIRY));
        assertThat(fx.codes.storedFor(john.id())).isEmpty();
    }

    @Test
    void aCreatedCodeIsOneCodeCreatedEventAndARefusedOneNone() {
        CodeView view = create(inThirtyDays, "John_Summer-26");
        assertThatThrownBy(() -> create(inThirtyDays, "Another-1")).isInstanceOf(ConflictException.class);

        List<OutboxEvent> created = fx.events.appended(EventType.CODE_CREATED);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).data()).containsEntry("codeId", view.id().toString())
                .containsEntry("code", "John_Summer-26").containsEntry("status", "ACTIVE")
                .containsEntry("expiresAt", inThirtyDays.toString());
    }
}
