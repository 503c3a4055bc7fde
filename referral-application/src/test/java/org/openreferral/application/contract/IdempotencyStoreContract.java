package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.integration.port.out.IdempotencyEntry;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.integration.port.out.KeptAnswer;

/**
 * Contract of {@code IdempotencyStore}: one entry per scope, a claim only where there is none (or a dead or expired
 * one), the kept answer read back byte for byte, release and completion only by the claim's owner, and the purge.
 */
public abstract class IdempotencyStoreContract extends RepositoryContract {

    private static final Duration LOCK = Duration.ofMinutes(1);
    private static final Duration TTL = Duration.ofDays(1);

    private IdempotencyStore store;

    /** The store under test, over the empty {@code stores} (and their unit of work). */
    protected abstract IdempotencyStore idempotencyStore(Stores stores);

    @BeforeEach
    void openStore() {
        store = idempotencyStore(stores);
    }

    private static IdempotencyEntry claimAt(String scope, String request, Instant now) {
        return IdempotencyEntry.claim(digest(scope), digest(request), UUID.randomUUID(), now, now.plus(LOCK),
                now.plus(TTL));
    }

    private static KeptAnswer answer(int status, String body) {
        return new KeptAnswer(status, "application/json", Optional.of("http://localhost/api/v1/users/1"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstClaimWinsAndASecondOneOfTheScopeDoesNot() {
        IdempotencyEntry first = claimAt("a", "body", NOW);

        assertThat(writing(() -> store.claim(first))).isTrue();
        assertThat(writing(() -> store.claim(claimAt("a", "other", NOW)))).isFalse();
        assertThat(writing(() -> store.claim(claimAt("b", "body", NOW)))).isTrue();

        IdempotencyEntry read = read(() -> store.find(digest("a"))).orElseThrow();
        assertThat(read.claimId()).isEqualTo(first.claimId());
        assertThat(read.requestDigest()).isEqualTo(digest("body"));
        assertThat(read.state()).isEqualTo(IdempotencyEntry.State.IN_FLIGHT);
        assertThat(read.answer()).isEmpty();
        assertThat(read.lockedUntil()).isEqualTo(NOW.plus(LOCK));
        assertThat(read.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(read(() -> store.find(digest("c")))).isEmpty();
    }

    @Test
    void aCompletedEntryKeepsItsAnswerByteForByte() {
        IdempotencyEntry claim = claimAt("a", "body", NOW);
        write(() -> store.claim(claim));
        KeptAnswer answer = answer(201, "{\"id\":\"1\"}");

        assertThat(writing(() -> store.complete(digest("a"), UUID.randomUUID(), answer, NOW.plus(TTL)))).isFalse();
        assertThat(writing(() -> store.complete(digest("a"), claim.claimId(), answer, NOW.plus(TTL)))).isTrue();

        IdempotencyEntry read = read(() -> store.find(digest("a"))).orElseThrow();
        assertThat(read.state()).isEqualTo(IdempotencyEntry.State.COMPLETE);
        assertThat(read.answer()).contains(answer);
        KeptAnswer none = new KeptAnswer(422, "application/problem+json", Optional.empty(), new byte[0]);
        write(() -> store.claim(claimAt("b", "body", NOW)));
        IdempotencyEntry other = read(() -> store.find(digest("b"))).orElseThrow();
        write(() -> store.complete(digest("b"), other.claimId(), none, NOW.plus(TTL)));
        assertThat(read(() -> store.find(digest("b"))).orElseThrow().answer()).contains(none);
    }

    @Test
    void onlyTheClaimsOwnerReleasesIt() {
        IdempotencyEntry claim = claimAt("a", "body", NOW);
        write(() -> store.claim(claim));

        assertThat(writing(() -> store.release(digest("a"), UUID.randomUUID()))).isFalse();
        assertThat(writing(() -> store.release(digest("a"), claim.claimId()))).isTrue();

        assertThat(read(() -> store.find(digest("a")))).isEmpty();
        assertThat(writing(() -> store.claim(claimAt("a", "body", NOW)))).isTrue();
    }

    @Test
    void aClaimIsTakenOverOnlyOnceItsLockRanOutOrItExpired() {
        IdempotencyEntry dead = claimAt("a", "body", NOW);
        write(() -> store.claim(dead));
        IdempotencyEntry complete = claimAt("b", "body", NOW);
        write(() -> store.claim(complete));
        write(() -> store.complete(digest("b"), complete.claimId(), answer(200, "{}"), NOW.plus(TTL)));

        Instant locked = NOW.plus(LOCK).minusSeconds(1);
        assertThat(writing(() -> store.takeOver(claimAt("a", "body", locked), locked))).isFalse();
        Instant unlocked = NOW.plus(LOCK);
        IdempotencyEntry retry = claimAt("a", "body", unlocked);
        assertThat(writing(() -> store.takeOver(retry, unlocked))).isTrue();
        assertThat(read(() -> store.find(digest("a"))).orElseThrow().claimId()).isEqualTo(retry.claimId());
        assertThat(writing(() -> store.complete(digest("a"), dead.claimId(), answer(200, "{}"), NOW.plus(TTL))))
                .isFalse();

        assertThat(writing(() -> store.takeOver(claimAt("b", "body", unlocked), unlocked))).isFalse();
        Instant expired = NOW.plus(TTL);
        assertThat(writing(() -> store.takeOver(claimAt("b", "other", expired), expired))).isTrue();
        assertThat(writing(() -> store.takeOver(claimAt("c", "body", expired), expired))).isFalse();
    }

    @Test
    void thePurgeRemovesExpiredEntriesButNotARunningOne() {
        IdempotencyEntry old = claimAt("old", "body", NOW);
        write(() -> store.claim(old));
        write(() -> store.complete(digest("old"), old.claimId(), answer(200, "{}"), NOW.plus(TTL)));
        Instant later = NOW.plus(TTL).minus(LOCK.dividedBy(2));
        IdempotencyEntry running = IdempotencyEntry.claim(digest("running"), digest("body"), UUID.randomUUID(),
                later, later.plus(LOCK), NOW.plus(TTL));
        write(() -> store.claim(running));
        IdempotencyEntry fresh = claimAt("fresh", "body", NOW.plusSeconds(60));
        write(() -> store.claim(fresh));

        assertThat(writing(() -> store.purgeExpired(NOW.plus(TTL).minusSeconds(1)))).isZero();
        assertThat(writing(() -> store.purgeExpired(NOW.plus(TTL)))).isEqualTo(1);

        assertThat(read(() -> store.find(digest("old")))).isEmpty();
        assertThat(read(() -> store.find(digest("running")))).isPresent();
        assertThat(read(() -> store.find(digest("fresh")))).isPresent();
    }
}
