package org.openreferral.bootstrap.shared;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.openreferral.adapter.rest.shared.ClientAddress;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService.Limit;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.application.shared.ratelimit.RateLimitPolicy;
import org.openreferral.bootstrap.shared.SharedSettings.RateLimit;
import org.openreferral.bootstrap.shared.SharedSettings.RateLimit.Budget;

/** Wires what every slice uses: the clock, the secure random source, the client address and the rate limits. */
@ApplicationScoped
public class SharedWiring {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        // Millisecond ticks: what is returned equals what PostgreSQL stores and reads back.
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Produces
    @ApplicationScoped
    RandomGenerator secureRandom() {
        return new SecureRandom();
    }

    @Produces
    @ApplicationScoped
    RateLimitPolicy rateLimitPolicy(SharedSettings shared) {
        RateLimit settings = shared.rateLimit();
        Map<RateLimitedAction, Limit> limits = new EnumMap<>(RateLimitedAction.class);
        if (settings.enabled()) {
            limits.put(RateLimitedAction.REGISTER, limit(settings.register()));
            limits.put(RateLimitedAction.TOKEN, limit(settings.token()));
            limits.put(RateLimitedAction.PASSWORD_RESET, limit(settings.passwordReset()));
            limits.put(RateLimitedAction.CODE_LOOKUP, limit(settings.codeLookup()));
        }
        return new RateLimitPolicy(limits);
    }

    @Produces
    @ApplicationScoped
    CheckRateLimitUseCase checkRateLimit(AttemptCounters counters, Clock clock, RateLimitPolicy policy,
                                         UseCaseMetrics metrics) {
        return metrics.rateLimits(new CheckRateLimitService(counters, policy, clock));
    }

    @Produces
    @Singleton
    ClientAddress clientAddress(SharedSettings settings) {
        return new ClientAddress(settings.trustedProxies().orElse(List.of()));
    }

    private static Limit limit(Budget budget) {
        return new Limit(budget.requests(), budget.window());
    }
}
