package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.RewardCaps;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.User;

/** What the lifecycle service tests share: a fixture, a referrer with a code, an admin, and seeded referrals. */
abstract class LifecycleServices {

    protected final Fixture fx = new Fixture();
    protected final User john = fx.user("john", "john@example.com");
    protected final ReferralCode code = fx.code(john, "John-1", Duration.ofDays(30));
    protected final Caller admin = Fixture.callerOf(fx.admin("root", "root@example.com"));
    protected final Caller johnAsCaller = Fixture.callerOf(john);
    private int referees;

    protected RewardReferrals rewarding(Duration hold, OptionalInt lifetimeCap) {
        return fx.rewarding(RewardPolicy.defaults(), new RewardCaps(OptionalInt.empty(), Duration.ofDays(30),
                lifetimeCap), hold);
    }

    protected RewardReferrals rewardingAtOnce() {
        return rewarding(Duration.ZERO, OptionalInt.empty());
    }

    protected Referral pending() {
        referees++;
        return fx.pendingReferral(code, "referee" + referees, "referee" + referees + "@example.com");
    }

    protected Referral flagged() {
        return fx.change(pending(), referral -> referral.flag("same-network"));
    }

    protected Referral stored(Referral referral) {
        return fx.referrals.stored(referral.id());
    }

    /** The types of the events appended by committed work so far, in order. */
    protected List<EventType> eventTypes() {
        return fx.events.appended().stream().map(OutboxEvent::type).toList();
    }

    /** The data of the only event of {@code type} appended so far. */
    protected Map<String, Object> onlyEvent(EventType type) {
        List<OutboxEvent> events = fx.events.appended(type);
        assertThat(events).as("events of type %s", type.slug()).hasSize(1);
        assertThat(events.get(0).createdAt()).isEqualTo(fx.clock.instant());
        return events.get(0).data();
    }

    protected long balance(User user) {
        return fx.ledger.stored().stream().filter(entry -> entry.user().equals(user.id()))
                .mapToLong(entry -> entry.points()).sum();
    }

}
