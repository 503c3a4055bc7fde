package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Attempt;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CountedRead;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService.Limit;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.application.shared.ratelimit.RateLimitPolicy;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;

/**
 * The public lookup of a referrer's active code, served from the cache when it can be. The client's request
 * is counted against its lookup budget in the cache's own round trip, and a cached answer completes on the
 * thread the cache answered on; only a miss goes to the database, on the {@code blocking} executor. A cached
 * code is only used before its expiry; the cache is handed the code with its expiry and keeps it no longer.
 */
public final class LookupReferralCodeService implements LookupReferralCodeUseCase {

    private final ReferralCodeRepository codes;
    private final ReferralCodeCache cache;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Optional<Limit> limit;
    private final Executor blocking;

    public LookupReferralCodeService(ReferralCodeRepository codes, ReferralCodeCache cache, UnitOfWork unitOfWork,
                                     Clock clock, RateLimitPolicy rateLimits, Executor blocking) {
        this.codes = codes;
        this.cache = cache;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.limit = rateLimits.limit(RateLimitedAction.CODE_LOOKUP);
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<PublicCode> lookup(LookupReferralCodeQuery query) {
        Email email = query.email();
        Instant now = clock.instant();
        Optional<Attempt> attempt = limit.map(budget -> new Attempt(
                RateLimitPolicy.counterKey(RateLimitedAction.CODE_LOOKUP, query.client()), budget.window(), now));
        // A future completed here rather than a dependent stage: it fails with the exception itself, not
        // wrapped in a CompletionException.
        CompletableFuture<PublicCode> answer = new CompletableFuture<>();
        cache.readCounting(email, attempt).whenComplete((read, failure) -> {
            try {
                if (failure != null) {
                    throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
                }
                answer(email, now, read, answer);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private void answer(Email email, Instant now, CountedRead read, CompletableFuture<PublicCode> answer) {
        limit.ifPresent(budget -> RateLimitPolicy.enforce(budget, read.attempts().orElseThrow(), now));
        // Checked here too: an entry written by an instance whose clock lags may outlive the code.
        Optional<CachedCode> cached = read.snapshot().code()
                .filter(code -> CodeStatus.effective(CodeStatus.ACTIVE, code.expiresAt(), now) == CodeStatus.ACTIVE);
        if (cached.isPresent()) {
            answer.complete(new PublicCode(cached.get().code(), cached.get().expiresAt()));
            return;
        }
        try {
            blocking.execute(() -> {
                try {
                    answer.complete(fromDatabase(email, now, read.snapshot()));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw ServiceUnavailableException.overloaded("The service is overloaded; please retry shortly.");
        }
    }

    private PublicCode fromDatabase(Email email, Instant now, Snapshot snapshot) {
        ReferralCode code = unitOfWork.reading(() -> codes.findActiveByOwnerEmail(email, now))
                .orElseThrow(LookupReferralCodeService::notFound);
        cache.putIfUnchanged(email, snapshot, new CachedCode(code.value().value(), code.expiresAt()));
        return new PublicCode(code.value().value(), code.expiresAt());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("code-not-found", "This person has no active referral code.");
    }
}
