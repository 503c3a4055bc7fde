package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.application.referral.port.in.ScrollRewardsUseCase.RewardsRunView;
import org.openreferral.application.referral.port.in.ScrollRewardsUseCase.ScrollRewardsQuery;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class ScrollRewardsServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final ScrollRewardsService service = new ScrollRewardsService(fx.ledger, fx.unitOfWork);

    @Test
    void showsTheBalanceAndRunsOfTheEntriesNewestFirst() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));
        fx.referee(code, "jane", "jane@example.com");
        fx.clock.advance(Duration.ofHours(1));
        fx.referee(code, "joe", "joe@example.com");

        RewardsRunView first = service.scroll(new ScrollRewardsQuery(Fixture.callerOf(john), CursorRequest.first(1)));
        RewardsRunView second = service.scroll(new ScrollRewardsQuery(Fixture.callerOf(john),
                CursorRequest.after(first.entries().next().orElseThrow(), 1)));

        assertThat(first.balance()).isEqualTo(20);
        assertThat(first.entries().items()).extracting(RewardEntryView::createdAt)
                .containsExactly(Fixture.START.plus(Duration.ofHours(1)));
        assertThat(second.entries().items()).extracting(RewardEntryView::createdAt).containsExactly(Fixture.START);
        assertThat(second.entries().next()).isEmpty();
    }
}
