package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.FakeReferralCodeCache.Put;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.LookupReferralCodeQuery;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.PublicCode;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase.RevokeReferralCodeCommand;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService.Limit;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.application.shared.ratelimit.RateLimitPolicy;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;

class LookupReferralCodeServiceTest {

    private static final int LOOKUPS_PER_MINUTE = 100;

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    // Runs what the service hands it at once, counting the hand-overs: the database reads a lookup makes off the
    // thread the cache answered on.
    private final AtomicInteger blockingTasks = new AtomicInteger();
    private final Executor blocking = task -> {
        blockingTasks.incrementAndGet();
        task.run();
    };
    private final LookupReferralCodeService service = new LookupReferralCodeService(fx.codes, fx.codeCache,
            fx.unitOfWork, fx.clock, new RateLimitPolicy(Map.of(RateLimitedAction.CODE_LOOKUP,
                    new Limit(LOOKUPS_PER_MINUTE, Duration.ofMinutes(1)))), blocking);
    private final RevokeReferralCodeService revoke = new RevokeReferralCodeService(fx.users, fx.codes,
            fx.referrals, fx.codeCache, fx.referralEvents, fx.unitOfWork, fx.clock);

    private PublicCode lookup(String email) {
        return lookup(email, "10.0.0.1");
    }

    // The stage's own failure, as the REST layer sees it: not wrapped.
    private PublicCode lookup(String email, String client) {
        CompletableFuture<PublicCode> answer =
                service.lookup(new LookupReferralCodeQuery(new Email(email), client)).toCompletableFuture();
        assertThat(answer).isDone();
        Throwable[] failure = new Throwable[1];
        PublicCode code = answer.exceptionally(e -> {
            failure[0] = e;
            return null;
        }).join();
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        return code;
    }

    @Test
    void aCachedAnswerNeedsNoBlockingThreadAndAMissReadsTheDatabaseOnOne() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        lookup("john@example.com");
        assertThat(blockingTasks).hasValue(1);
        lookup("john@example.com");

        assertThat(blockingTasks).hasValue(1);
        assertThat(fx.codes.emailLookups()).isEqualTo(1);
    }

    @Test
    void eachLookupCountsAgainstItsClientsBudgetAndBeyondItIsRefusedWithoutReadingTheDatabase() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));
        for (int i = 0; i < LOOKUPS_PER_MINUTE; i++) {
            lookup("john@example.com", "10.0.0.1");
        }
        fx.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> lookup("nobody@example.com", "10.0.0.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40)));
        assertThat(fx.codes.emailLookups()).isEqualTo(1);
        assertThat(lookup("john@example.com", "10.0.0.2").code()).isEqualTo("Summer-2026");
        fx.clock.advance(Duration.ofSeconds(40));
        assertThat(lookup("john@example.com", "10.0.0.1").code()).isEqualTo("Summer-2026");
    }

    @Test
    void withoutALookupLimitNothingIsCounted() {
        LookupReferralCodeService unlimited = new LookupReferralCodeService(fx.codes, fx.codeCache, fx.unitOfWork,
                fx.clock, new RateLimitPolicy(Map.of()), Runnable::run);
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        for (int i = 0; i <= LOOKUPS_PER_MINUTE; i++) {
            unlimited.lookup(new LookupReferralCodeQuery(john.email(), "10.0.0.1")).toCompletableFuture().join();
        }

        assertThat(fx.counters.increment(RateLimitPolicy.counterKey(RateLimitedAction.CODE_LOOKUP, "10.0.0.1"),
                Duration.ofMinutes(1), fx.clock.instant()).count()).as("the first count of this client").isEqualTo(1);
    }

    @Test
    void answersWithTheActiveCodeAndItsExpiryOnly() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));

        assertThat(lookup("john@example.com")).isEqualTo(new PublicCode("Summer-2026", code.expiresAt()));
    }

    @Test
    void emailIsMatchedWhateverItsCase() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        assertThat(lookup(" John@EXAMPLE.com ").code()).isEqualTo("Summer-2026");
    }

    @Test
    void firstLookupReadsTheDatabaseAndTheNextIsServedFromTheCache() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));

        PublicCode first = lookup("john@example.com");
        PublicCode second = lookup("john@example.com");

        assertThat(second).isEqualTo(first);
        assertThat(fx.codes.emailLookups()).isEqualTo(1);
        assertThat(fx.codeCache.cached(john.email())).contains(new CachedCode("Summer-2026", code.expiresAt()));
    }

    @Test
    void revokedCodeIsNotServedEvenThoughItWasCachedAMomentBefore() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));
        lookup("john@example.com");

        revoke.revoke(new RevokeReferralCodeCommand(Fixture.callerOf(john), new CodeValue("Summer-2026")));

        assertCodeNotFound("john@example.com");
    }

    @Test
    void lookupRacingARevokeDoesNotCacheTheRevokedCode() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));
        // The revoke commits and evicts after this lookup read the code from the database, before it caches it.
        fx.codes.afterNextEmailLookup(() ->
                revoke.revoke(new RevokeReferralCodeCommand(Fixture.callerOf(john), new CodeValue("Summer-2026"))));

        assertThat(lookup("john@example.com").code()).isEqualTo("Summer-2026");

        assertThat(fx.codeCache.puts()).singleElement().extracting(Put::stored).isEqualTo(false);
        assertThat(fx.codeCache.cached(john.email())).isEmpty();
        assertCodeNotFound("john@example.com");
    }

    @Test
    void cachedCodeIsNotServedOnceItHasExpired() {
        Instant expiry = Fixture.START.plus(Duration.ofHours(1));
        // A cache entry that outlives the code, as a lagging cache could hold it.
        fx.codeCache.putIfUnchanged(john.email(), fx.codeCache.read(john.email()),
                new CachedCode("Old-Code", expiry), Duration.ofDays(1));
        assertThat(lookup("john@example.com").code()).isEqualTo("Old-Code");

        fx.clock.set(expiry);

        assertCodeNotFound("john@example.com");
    }

    @Test
    void expiredCachedCodeGivesWayToTheNewActiveOne() {
        Instant expiry = Fixture.START.plus(Duration.ofHours(1));
        fx.codeCache.putIfUnchanged(john.email(), fx.codeCache.read(john.email()),
                new CachedCode("Old-Code", expiry), Duration.ofDays(1));
        fx.clock.set(expiry.plusSeconds(1));
        fx.code(john, "New-Code", Duration.ofDays(30));

        assertThat(lookup("john@example.com").code()).isEqualTo("New-Code");
        assertThat(fx.codeCache.cached(john.email()).orElseThrow().code()).isEqualTo("New-Code");
    }

    @Test
    void codeIsNotServedFromTheDatabaseOnceItHasExpired() {
        fx.code(john, "Summer-2026", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1));

        assertCodeNotFound("john@example.com");
    }

    @Test
    void theCacheIsHandedTheCodeWithItsExpiry() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofSeconds(30));

        lookup("john@example.com");

        // How long the entry may live (lookup TTL, never past the expiry) is the cache adapter's rule.
        assertThat(fx.codeCache.puts()).singleElement().extracting(Put::code)
                .isEqualTo(new CachedCode("Summer-2026", code.expiresAt()));
        fx.clock.advance(Duration.ofSeconds(30));
        assertThat(fx.codeCache.cached(john.email())).isEmpty();
    }

    @Test
    void cacheIsWrittenOutsideTheTransaction() {
        fx.code(john, "Summer-2026", Duration.ofDays(30));

        lookup("john@example.com");

        assertThat(fx.codeCache.usedInsideTransaction()).isFalse();
    }

    @Test
    void unknownEmailIsNotFound() {
        assertCodeNotFound("nobody@example.com");
    }

    @Test
    void userWithoutAnActiveCodeIsNotFound() {
        fx.revokedCode(john, "Summer-2026", Duration.ofDays(30));

        assertCodeNotFound("john@example.com");
        assertThat(fx.codeCache.puts()).isEmpty();
    }

    @Test
    void malformedEmailIsInvalid() {
        assertThatThrownBy(() -> lookup("not-an-email")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void queryNeverShowsTheEmailInLogs() {
        assertThat(new LookupReferralCodeQuery(new Email("john@example.com"), "10.0.0.1").toString())
                .doesNotContain("john");
    }

    private void assertCodeNotFound(String email) {
        assertThatThrownBy(() -> lookup(email))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("code-not-found"));
    }
}
