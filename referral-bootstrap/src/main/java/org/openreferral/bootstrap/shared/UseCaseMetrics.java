package org.openreferral.bootstrap.shared;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase;

/**
 * Business counters kept at the use-case boundary: each slice wraps its metered use cases in decorators that count
 * their outcomes through this class, keyed by the use case, whatever adapter calls them. HTTP timings come from
 * Micrometer's own binder.
 */
@Singleton
public class UseCaseMetrics {

    private final MeterRegistry meters;

    UseCaseMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Adds one to the counter {@code name} with these tag keys and values. */
    public void count(String name, String... tags) {
        meters.counter(name, tags).increment();
    }

    /** Runs {@code call}; when it fails with {@code failure}, counts {@code name} before rethrowing. */
    public <T> T countingFailures(Supplier<T> call, Class<? extends RuntimeException> failure, String name,
                                  String... tags) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (failure.isInstance(e)) {
                count(name, tags);
            }
            throw e;
        }
    }

    /** Counts refused requests per budget ({@code referral.rate.limit.rejections{operation}}). */
    public CheckRateLimitUseCase rateLimits(CheckRateLimitUseCase useCase) {
        return command -> countingFailures(() -> {
            useCase.check(command);
            return null;
        }, TooManyRequestsException.class, "referral.rate.limit.rejections", "operation", command.action().slug());
    }
}
