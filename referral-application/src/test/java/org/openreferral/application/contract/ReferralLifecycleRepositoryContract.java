package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralRepository.Filter;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

/**
 * Contract of {@code ReferralRepository} for the lifecycle: one referral per canonical mailbox, locked reads and
 * updates, claims of held rewards, the counts behind caps and fraud rules, and the admin listing.
 */
public abstract class ReferralLifecycleRepositoryContract extends RepositoryContract {

    private User john;
    private ReferralCode code;

    @BeforeEach
    void referrer() {
        john = user("john");
        code = code(john, "John-1");
    }

    private User userWithEmail(String username, String email) {
        User user = User.register(UserId.newId(), new Username(username), new Email(email), null, HASH, Set.of(), null,
                NOW);
        write(() -> stores.users().add(user));
        return user;
    }

    /** Locks the referral, changes it and stores the change, in one unit of work. */
    private void change(Referral referral, Consumer<Referral> transition) {
        write(() -> {
            Referral locked = stores.referrals().lockById(referral.id()).orElseThrow();
            transition.accept(locked);
            stores.referrals().update(locked);
        });
    }

    private Referral qualified(User referee, Instant at) {
        Referral referral = referral(code, referee, NOW);
        change(referral, locked -> locked.qualify(null, at));
        return referral;
    }

    private Referral rewarded(User referee, Instant at, boolean capReached) {
        Referral referral = qualified(referee, at);
        change(referral, locked -> locked.reward(RewardPolicy.defaults(), capReached, at));
        return referral;
    }

    private Referral stored(ReferralId id) {
        return read(() -> stores.referrals().record(id)).orElseThrow().referral();
    }

    @Test
    void aCanonicalMailboxIsReferredOnceWhateverItsSpelling() {
        referral(code, userWithEmail("bob", "bob@gmail.com"), NOW);
        User again = userWithEmail("bob2", "b.ob+x@googlemail.com");

        assertThat(read(() -> stores.referrals().mailboxReferred(again.email()))).isTrue();
        assertThat(read(() -> stores.referrals().mailboxReferred(new Email("bob@example.com")))).isFalse();
        assertThatThrownBy(() -> referral(code(user("ann"), "Ann-1"), again, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("mailbox-already-referred"));
        assertThat(read(() -> stores.referrals().listByReferrer(john.id(), PageRequest.first())).total()).isOne();
    }

    @Test
    void aLockedReferralReadsBackWithEveryChangeItsUpdateStored() {
        Instant rewardedAt = NOW.plus(Duration.ofHours(2));
        Referral referral = referral(code, user("jane"), NOW);
        change(referral, locked -> locked.qualify("order-42", NOW.plusSeconds(60)));
        change(referral, locked -> locked.reward(RewardPolicy.defaults(), true, rewardedAt));

        Referral stored = stored(referral.id());

        assertThat(stored.status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(stored.statusReason()).contains(Referral.CAP_REACHED);
        assertThat(stored.points()).isZero();
        assertThat(stored.externalId()).contains("order-42");
        assertThat(stored.qualifiedAt()).contains(NOW.plusSeconds(60));
        assertThat(stored.rewardedAt()).contains(rewardedAt);
        assertThat(stored.voidedAt()).isEmpty();
        assertThat(read(() -> stores.referrals().record(ReferralId.newId()))).isEmpty();
    }

    @Test
    void theRefereesReferralIsFoundAndLockedByTheReferee() {
        User jane = user("jane");
        Referral referral = referral(code, jane, NOW);

        assertThat(writing(() -> stores.referrals().lockByReferee(jane.id()))).map(Referral::id).contains(referral.id());
        assertThat(writing(() -> stores.referrals().lockByReferee(john.id()))).isEmpty();
        assertThat(writing(() -> stores.referrals().lockById(ReferralId.newId()))).isEmpty();
    }

    @Test
    void claimsTakeDueQualifiedReferralsOldestFirstUpToTheLimit() {
        Referral oldest = qualified(user("first"), NOW.minusSeconds(30));
        Referral due = qualified(user("second"), NOW);
        qualified(user("later"), NOW.plusSeconds(1));
        referral(code, user("pending"), NOW.minusSeconds(60));
        Referral alsoDue = qualified(user("third"), NOW.minusSeconds(10));

        assertThat(writing(() -> stores.referrals().claimQualified(NOW, 2))).extracting(Referral::id)
                .containsExactly(oldest.id(), alsoDue.id());
        assertThat(writing(() -> stores.referrals().claimQualified(NOW, 10))).extracting(Referral::id)
                .containsExactly(oldest.id(), alsoDue.id(), due.id());
    }

    @Test
    void creditedReferralsAreThoseRewardedWithPointsCountedFromAnInstant() {
        Instant since = NOW.minus(Duration.ofDays(30));
        rewarded(user("before"), since.minusSeconds(1), false);
        rewarded(user("atstart"), since, false);
        rewarded(user("capped"), NOW, true);
        qualified(user("held"), NOW);
        Referral voided = rewarded(user("voided"), NOW, false);
        change(voided, locked -> locked.voidFor("fraud", java.util.List.of(), NOW));
        rewarded(user("other"), NOW, false);
        referral(code(user("ann"), "Ann-1"), user("notjohns"), NOW);

        assertThat(read(() -> stores.referrals().countCredited(john.id(), Optional.of(since)))).isEqualTo(2);
        assertThat(read(() -> stores.referrals().countCredited(john.id(), Optional.empty()))).isEqualTo(3);
    }

    @Test
    void referralsFromANetworkAreCountedPerReferrerFromAnInstant() {
        Instant since = NOW.minus(Duration.ofHours(24));
        referral(code, user("before"), since.minusSeconds(1), Optional.of("net-a"));
        referral(code, user("atstart"), since, Optional.of("net-a"));
        referral(code, user("now"), NOW, Optional.of("net-a"));
        referral(code, user("elsewhere"), NOW, Optional.of("net-b"));
        referral(code, user("unknown"), NOW, Optional.empty());
        referral(code(user("ann"), "Ann-1"), user("annsown"), NOW, Optional.of("net-a"));

        assertThat(read(() -> stores.referrals().countFromNetwork(john.id(), "net-a", since))).isEqualTo(2);
        assertThat(read(() -> stores.referrals().countFromNetwork(john.id(), "net-c", since))).isZero();
    }

    @Test
    void theAdminListingFiltersByStatusReferrerAndRefereeNewestFirst() {
        User jane = user("jane");
        Referral pending = referral(code, jane, NOW.minusSeconds(1));
        Referral rewarded = rewarded(user("joe"), NOW, false);
        User ann = user("ann");
        Referral annsOwn = referral(code(ann, "Ann-1"), user("eve"), NOW.plusSeconds(1));

        assertPagesOfTwo(request -> read(() -> stores.referrals().list(Filter.all(), request)), ReferralRecord::id,
                annsOwn.id(), rewarded.id(), pending.id());
        assertThat(list(new Filter(Optional.of(ReferralStatus.REWARDED), Optional.empty(), Optional.empty())))
                .containsExactly(rewarded.id());
        assertThat(list(new Filter(Optional.empty(), Optional.of(ann.id()), Optional.empty())))
                .containsExactly(annsOwn.id());
        assertThat(list(new Filter(Optional.of(ReferralStatus.PENDING), Optional.of(john.id()), Optional.of(jane.id()))))
                .containsExactly(pending.id());
        assertThat(list(new Filter(Optional.of(ReferralStatus.VOIDED), Optional.empty(), Optional.empty()))).isEmpty();
    }

    private java.util.List<ReferralId> list(Filter filter) {
        return read(() -> stores.referrals().list(filter, PageRequest.first())).items().stream()
                .map(ReferralRecord::id).toList();
    }

    @Test
    void referralsAreCountedPerStatusOfTheReferrer() {
        referral(code, user("jane"), NOW);
        referral(code, user("joe"), NOW);
        rewarded(user("eve"), NOW, false);
        referral(code(user("ann"), "Ann-1"), user("other"), NOW);

        assertThat(read(() -> stores.referrals().countByStatus(john.id())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ReferralStatus.PENDING, 2L, ReferralStatus.REWARDED, 1L));
    }
}
