package org.openreferral.bootstrap.shared;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase;
import org.openreferral.domain.error.NotFoundException;

/**
 * Business counters kept at the use-case boundary: each metered use case is wrapped by a decorator that counts
 * its outcomes, keyed by the use case, whatever adapter calls it. HTTP timings come from Micrometer's binder.
 */
@Singleton
public class UseCaseMetrics {

    private final MeterRegistry meters;

    UseCaseMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts registrations ({@code referral.registrations{referred}}) and the referrals among them. */
    public RegisterUserUseCase registrations(RegisterUserUseCase useCase) {
        return command -> {
            var user = useCase.register(command);
            boolean referred = user.referredBy() != null;
            meters.counter("referral.registrations", "referred", Boolean.toString(referred)).increment();
            if (referred) {
                meters.counter("referral.referrals").increment();
            }
            return user;
        };
    }

    /** Counts failed logins ({@code referral.login.failures}). */
    public AuthenticateUserUseCase logins(AuthenticateUserUseCase useCase) {
        return command -> counting(() -> useCase.authenticate(command), AuthenticationFailedException.class,
                () -> meters.counter("referral.login.failures").increment());
    }

    /** Counts public lookups by outcome ({@code referral.code.lookups{outcome=found|not_found|rejected}}). */
    public LookupReferralCodeUseCase lookups(LookupReferralCodeUseCase useCase) {
        return query -> {
            String outcome = "rejected";
            try {
                var code = useCase.lookup(query);
                outcome = "found";
                return code;
            } catch (NotFoundException e) {
                outcome = "not_found";
                throw e;
            } finally {
                meters.counter("referral.code.lookups", "outcome", outcome).increment();
            }
        };
    }

    /** Counts refused requests per budget ({@code referral.rate.limit.rejections{operation}}). */
    public CheckRateLimitUseCase rateLimits(CheckRateLimitUseCase useCase) {
        return command -> counting(() -> {
            useCase.check(command);
            return null;
        }, TooManyRequestsException.class, () -> meters.counter("referral.rate.limit.rejections",
                "operation", command.action().slug()).increment());
    }

    private static <T> T counting(Supplier<T> call, Class<? extends RuntimeException> failure, Runnable count) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (failure.isInstance(e)) {
                count.run();
            }
            throw e;
        }
    }
}
