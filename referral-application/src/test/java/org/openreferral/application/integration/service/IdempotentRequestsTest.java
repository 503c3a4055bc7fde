package org.openreferral.application.integration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.FakeUnitOfWork;
import org.openreferral.application.fakes.InMemoryIdempotencyStore;
import org.openreferral.application.fakes.MutableClock;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.BeginIdempotentRequestCommand;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.Proceed;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.Replay;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.Start;
import org.openreferral.application.integration.port.in.FinishIdempotentRequestUseCase.FinishIdempotentRequestCommand;
import org.openreferral.application.integration.port.in.IdempotencyKey;
import org.openreferral.application.integration.port.in.IdempotencyScope;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase.PurgeIdempotencyKeysCommand;
import org.openreferral.application.integration.port.out.KeptAnswer;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.UserId;

class IdempotentRequestsTest {

    private static final Duration TTL = Duration.ofDays(1);
    private static final Duration LOCK = Duration.ofMinutes(1);

    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(unitOfWork);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final BeginIdempotentRequestService begin =
            new BeginIdempotentRequestService(store, unitOfWork, clock, TTL, LOCK);
    private final FinishIdempotentRequestService finish =
            new FinishIdempotentRequestService(store, unitOfWork, clock, TTL);
    private final PurgeIdempotencyKeysService purge = new PurgeIdempotencyKeysService(store, unitOfWork, clock);

    private static IdempotencyScope anonymous(String key) {
        return new IdempotencyScope(Optional.empty(), "POST", "/api/v1/auth/register", new IdempotencyKey(key));
    }

    private Start start(IdempotencyScope scope, String body) {
        return begin.begin(new BeginIdempotentRequestCommand(scope, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static KeptAnswer answer(int status) {
        return new KeptAnswer(status, "application/json", Optional.empty(), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void finish(Start start, KeptAnswer answer) {
        finish.finish(new FinishIdempotentRequestCommand(((Proceed) start).claim(), answer));
    }

    @Test
    void aKeyIsOneToTwoHundredFiftyFiveVisibleAsciiCharacters() {
        assertThat(new IdempotencyKey("a".repeat(255)).value()).hasSize(255);
        assertThat(new IdempotencyKey("!~").value()).isEqualTo("!~");
        for (String bad : new String[] {"", "a".repeat(256), "with space", "tab\t", "é", "new\nline"}) {
            assertThatThrownBy(() -> new IdempotencyKey(bad)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void theFirstRequestRunsAndTheSameRequestAgainGetsItsKeptAnswer() {
        Start first = start(anonymous("k1"), "{\"a\":1}");
        assertThat(first).isInstanceOf(Proceed.class);
        finish(first, answer(201));

        assertThat(start(anonymous("k1"), "{\"a\":1}")).isEqualTo(new Replay(answer(201)));
        assertThat(start(anonymous("k2"), "{\"a\":1}")).isInstanceOf(Proceed.class);
    }

    @Test
    void anotherBodyIsRefusedAndASecondRequestWhileTheFirstRunsToo() {
        Start first = start(anonymous("k1"), "{\"a\":1}");

        assertThatThrownBy(() -> start(anonymous("k1"), "{\"a\":1}")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("idempotency-request-in-progress"));
        assertThatThrownBy(() -> start(anonymous("k1"), "{\"a\":2}"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
        finish(first, answer(200));
        assertThatThrownBy(() -> start(anonymous("k1"), "{\"a\":2}")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void fourHundredsAreKeptButTooManyRequestsAndServerErrorsReleaseTheKey() {
        finish(start(anonymous("k409"), "{}"), answer(409));
        assertThat(start(anonymous("k409"), "{}")).isEqualTo(new Replay(answer(409)));

        for (int status : new int[] {429, 500, 503}) {
            String key = "k" + status;
            finish(start(anonymous(key), "{}"), answer(status));
            assertThat(start(anonymous(key), "{}")).as("after %d", status).isInstanceOf(Proceed.class);
        }
    }

    @Test
    void theScopeIsTheCallerTheMethodAndThePath() {
        UserId id = UserId.newId();
        IdempotencyKey key = new IdempotencyKey("k");
        for (IdempotencyScope scope : new IdempotencyScope[] {
                new IdempotencyScope(Optional.empty(), "POST", "/a", key),
                new IdempotencyScope(Optional.of(new Caller(id, false)), "POST", "/a", key),
                new IdempotencyScope(Optional.of(Caller.client(id, Set.of(Scope.REFERRALS_WRITE))), "POST", "/a", key),
                new IdempotencyScope(Optional.of(new Caller(UserId.newId(), false)), "POST", "/a", key),
                new IdempotencyScope(Optional.empty(), "POST", "/b", key),
                new IdempotencyScope(Optional.empty(), "PUT", "/a", key)}) {
            assertThat(start(scope, "{}")).as(scope.toString()).isInstanceOf(Proceed.class);
        }
    }

    @Test
    void aClaimWhoseRequestDiedHoldsTheKeyOnlyUntilItsLockRunsOut() {
        start(anonymous("k"), "{}");

        clock.advance(LOCK.minusSeconds(1));
        assertThatThrownBy(() -> start(anonymous("k"), "{}")).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(start(anonymous("k"), "{}")).isInstanceOf(Proceed.class);
    }

    @Test
    void aKeptAnswerLivesForTheTtlAndIsPurgedAfterwards() {
        finish(start(anonymous("k"), "{}"), answer(201));

        clock.advance(TTL.minusSeconds(1));
        assertThat(purge.purge(new PurgeIdempotencyKeysCommand())).isZero();
        assertThat(start(anonymous("k"), "{}")).isInstanceOf(Replay.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(purge.purge(new PurgeIdempotencyKeysCommand())).isEqualTo(1);
        assertThat(start(anonymous("k"), "{\"other\":true}")).isInstanceOf(Proceed.class);
    }
}
