package org.openreferral.bootstrap.referral;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.PublicCode;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.bootstrap.shared.UseCaseMetrics;
import org.openreferral.domain.error.NotFoundException;

/** Decorators counting the referral slice's business outcomes: public lookups by outcome. */
@Singleton
public class ReferralMetrics {

    private final UseCaseMetrics metrics;

    ReferralMetrics(UseCaseMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Counts public lookups ({@code referral.code.lookups{outcome=found|not_found|rejected}}), and those refused
     * by the lookup budget as the rate-limit check counts its refusals
     * ({@code referral.rate.limit.rejections{operation=code-lookup}}).
     */
    LookupReferralCodeUseCase lookups(LookupReferralCodeUseCase useCase) {
        return query -> {
            // Completed here, not as a dependent stage: it fails with the use case's exception, unwrapped.
            CompletableFuture<PublicCode> counted = new CompletableFuture<>();
            useCase.lookup(query).whenComplete((code, failure) -> {
                Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
                if (cause instanceof TooManyRequestsException) {
                    metrics.count("referral.rate.limit.rejections", "operation", RateLimitedAction.CODE_LOOKUP.slug());
                }
                metrics.count("referral.code.lookups", "outcome", outcome(cause));
                if (cause == null) {
                    counted.complete(code);
                } else {
                    counted.completeExceptionally(cause);
                }
            });
            return counted;
        };
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "found";
        }
        return failure instanceof NotFoundException ? "not_found" : "rejected";
    }
}
