package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.ReferralAttribution.NewAccount;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.FraudRules;
import org.openreferral.domain.model.referral.QualifyingCondition;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class AttributeReferralServiceTest extends LifecycleServices {

    private int registrations;

    private AttributeReferralService service(QualifyingCondition condition, RewardReferrals rewarding, FraudRules rules) {
        return new AttributeReferralService(fx.users, fx.codes, fx.referrals, rewarding, fx.referralEvents,
                fx.networks, rules, condition);
    }

    private AttributeReferralService service(QualifyingCondition condition) {
        return service(condition, rewardingAtOnce(), FraudRules.defaults());
    }

    /** Registers a new account with John's code as registration does; answers its stored referral. */
    private Referral register(AttributeReferralService service, String email, String address, boolean unverifiable) {
        registrations++;
        UserId id = UserId.newId();
        fx.unitOfWork.inTransaction(() -> {
            var attribution = service.attribute(new CodeValue("John-1"),
                    new NewAccount(id, new Email(email), unverifiable, Optional.ofNullable(address)), fx.clock.instant());
            fx.users.add(User.register(id, new org.openreferral.domain.model.user.Username("new" + registrations),
                    new Email(email), null, org.openreferral.application.fakes.FakePasswordHasher.hashOf("x"),
                    java.util.Set.of(), attribution.referrerId(), fx.clock.instant()));
            attribution.record();
            return null;
        });
        return fx.referrals.stored().stream().filter(referral -> referral.referee().equals(id)).findFirst().orElseThrow();
    }

    private Referral register(AttributeReferralService service, String address) {
        return register(service, "new" + (registrations + 1) + "@example.com", address, false);
    }

    @Test
    void byDefaultANewReferralWaitsPendingForTheRefereesEmail() {
        Referral referral = register(service(QualifyingCondition.EMAIL_VERIFIED), null);

        assertThat(referral.status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(fx.ledger.stored()).isEmpty();
    }

    @Test
    void qualifyingAtRegistrationRewardsAtOnceOrHoldsTheReward() {
        assertThat(register(service(QualifyingCondition.REGISTRATION), null).status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance(john)).isEqualTo(10);

        AttributeReferralService held = service(QualifyingCondition.REGISTRATION,
                rewarding(Duration.ofDays(1), OptionalInt.empty()), FraudRules.defaults());
        assertThat(register(held, null).status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(balance(john)).isEqualTo(10);
    }

    @Test
    void aConfirmedEmailQualifiesThePendingReferralOnlyUnderThatCondition() {
        AttributeReferralService byEmail = service(QualifyingCondition.EMAIL_VERIFIED);
        Referral referral = register(byEmail, null);

        service(QualifyingCondition.EVENT).emailVerified(referral.referee(), fx.clock.instant());
        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.PENDING);

        fx.unitOfWork.inTransaction(() -> {
            byEmail.emailVerified(referral.referee(), fx.clock.instant());
            return null;
        });
        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance(john)).isEqualTo(10);
    }

    @Test
    void aConfirmedEmailLeavesAFlaggedReferralForReview() {
        AttributeReferralService byEmail = service(QualifyingCondition.EMAIL_VERIFIED);
        Referral referral = register(byEmail, "new1@example.com", null, true);

        fx.unitOfWork.inTransaction(() -> {
            byEmail.emailVerified(referral.referee(), fx.clock.instant());
            return null;
        });

        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.FLAGGED);
    }

    @Test
    void oneMailboxIsReferredOnceAndTheRefusedRegistrationLeavesNothing() {
        AttributeReferralService service = service(QualifyingCondition.REGISTRATION);
        register(service, "bob@gmail.com", null, false);
        int users = fx.users.count();

        assertThatThrownBy(() -> register(service, "B.ob+x@googlemail.com", null, false))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("mailbox-already-referred"));
        assertThat(fx.users.count()).isEqualTo(users);
        assertThat(fx.referrals.count()).isOne();
    }

    @Test
    void theReferralThatMakesItMoreThanTheMaximumFromOneNetworkIsFlagged() {
        AttributeReferralService service = service(QualifyingCondition.REGISTRATION, rewardingAtOnce(),
                new FraudRules(2, Duration.ofHours(24), true));
        register(service, "203.0.113.1");
        register(service, "203.0.113.2");

        Referral third = register(service, "203.0.113.3");

        assertThat(third.status()).isEqualTo(ReferralStatus.FLAGGED);
        assertThat(third.statusReason()).contains(FraudRules.SAME_NETWORK);
        assertThat(register(service, "203.0.114.3").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(register(service, (String) null).status()).isEqualTo(ReferralStatus.REWARDED);
        fx.clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(register(service, "203.0.113.4").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance(john)).isEqualTo(50);
    }

    @Test
    void anEmailTheCheckCouldNotJudgeIsFlaggedUnlessThatRuleIsOff() {
        assertThat(register(service(QualifyingCondition.REGISTRATION), "new1@example.com", null, true).statusReason())
                .contains(FraudRules.EMAIL_UNVERIFIABLE);

        AttributeReferralService lenient = service(QualifyingCondition.REGISTRATION, rewardingAtOnce(),
                new FraudRules(5, Duration.ofHours(24), false));
        assertThat(register(lenient, "new2@example.com", null, true).status()).isEqualTo(ReferralStatus.REWARDED);
    }

    @Test
    void aRecordedReferralIsAnEventAndAFlaggedOneASecond() {
        Referral pending = register(service(QualifyingCondition.EMAIL_VERIFIED), null);
        assertThat(eventTypes()).containsExactly(EventType.REFERRAL_CREATED);
        assertThat(onlyEvent(EventType.REFERRAL_CREATED)).containsEntry("status", "PENDING")
                .containsEntry("referralId", pending.id().value().toString());

        register(service(QualifyingCondition.EMAIL_VERIFIED), "new9@example.com", null, true);

        assertThat(eventTypes()).containsExactly(EventType.REFERRAL_CREATED, EventType.REFERRAL_CREATED,
                EventType.REFERRAL_FLAGGED);
        assertThat(onlyEvent(EventType.REFERRAL_FLAGGED)).containsEntry("status", "FLAGGED")
                .containsEntry("reason", "email-unverifiable");
    }

    @Test
    void qualifyingAtRegistrationAppendsTheWholeWayInOrder() {
        register(service(QualifyingCondition.REGISTRATION), null);

        assertThat(eventTypes()).containsExactly(EventType.REFERRAL_CREATED, EventType.REFERRAL_QUALIFIED,
                EventType.REFERRAL_REWARDED);
        assertThat(fx.events.appended()).allSatisfy(event -> assertThat(event.data().toString()).doesNotContain("@"));
    }
}
