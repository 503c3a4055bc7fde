package org.openreferral.application.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService.Limit;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.CheckRateLimitCommand;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;

class CheckRateLimitServiceTest {

    private final Fixture fx = new Fixture();
    private final CheckRateLimitService service = new CheckRateLimitService(fx.counters, Map.of(
            RateLimitedAction.REGISTER, new Limit(3, Duration.ofMinutes(1)),
            RateLimitedAction.TOKEN, new Limit(1, Duration.ofMinutes(1))), fx.clock);

    @Test
    void aClientMaySpendItsBudgetAndIsRefusedBeyondIt() {
        for (int i = 0; i < 3; i++) {
            check(RateLimitedAction.REGISTER, "10.0.0.1");
        }
        fx.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> check(RateLimitedAction.REGISTER, "10.0.0.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.code()).isEqualTo("rate-limited");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40));
                });
    }

    @Test
    void theBudgetComesBackWhenTheWindowCloses() {
        for (int i = 0; i < 4; i++) {
            try {
                check(RateLimitedAction.REGISTER, "10.0.0.1");
            } catch (TooManyRequestsException expected) {
                assertThat(i).isEqualTo(3);
            }
        }
        fx.clock.advance(Duration.ofMinutes(1));

        check(RateLimitedAction.REGISTER, "10.0.0.1");
    }

    @Test
    void clientsAndEndpointsHaveBudgetsOfTheirOwn() {
        check(RateLimitedAction.TOKEN, "10.0.0.1");

        check(RateLimitedAction.TOKEN, "10.0.0.2");
        check(RateLimitedAction.REGISTER, "10.0.0.1");
        assertThatThrownBy(() -> check(RateLimitedAction.TOKEN, "10.0.0.1"))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void anEndpointWithoutALimitIsNotCounted() {
        for (int i = 0; i < 100; i++) {
            check(RateLimitedAction.CODE_LOOKUP, "10.0.0.1");
        }
        assertThat(fx.counters.keys()).isEmpty();
    }

    @Test
    void retryAfterIsAtLeastOneWholeSecond() {
        check(RateLimitedAction.TOKEN, "10.0.0.1");
        fx.clock.advance(Duration.ofMillis(59_800));

        assertThatThrownBy(() -> check(RateLimitedAction.TOKEN, "10.0.0.1"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void slugsNameTheEndpointsInConfiguration() {
        assertThat(RateLimitedAction.PASSWORD_RESET.slug()).isEqualTo("password-reset");
        assertThat(RateLimitedAction.CODE_LOOKUP.slug()).isEqualTo("code-lookup");
    }

    private void check(RateLimitedAction action, String client) {
        service.check(new CheckRateLimitCommand(action, client));
    }
}
