package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.referral.port.in.QualifyReferralUseCase.QualifyReferralCommand;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;

class QualifyReferralServiceTest extends LifecycleServices {

    private QualifyReferralService service = new QualifyReferralService(fx.referrals, rewardingAtOnce(), fx.unitOfWork,
            fx.clock);

    private ReferralView qualify(Caller caller, Referral referral) {
        return service.qualify(new QualifyReferralCommand(caller, referral.id(), Optional.of("order-1")));
    }

    @Test
    void aQualifiedReferralIsRewardedInTheSameTransactionWhenThereIsNoHold() {
        Referral referral = pending();

        ReferralView view = qualify(admin, referral);

        assertThat(view.status()).isEqualTo("REWARDED");
        assertThat(view.points()).isEqualTo(10);
        assertThat(view.qualifiedAt()).isEqualTo(fx.clock.instant()).isEqualTo(view.rewardedAt());
        assertThat(stored(referral).externalId()).contains("order-1");
        assertThat(balance(john)).isEqualTo(10);
        assertThat(fx.unitOfWork.commits()).isOne();
    }

    @Test
    void qualifyingAgainChangesNothing() {
        Referral referral = pending();
        qualify(admin, referral);

        assertThat(qualify(admin, referral).status()).isEqualTo("REWARDED");
        assertThat(fx.ledger.stored()).hasSize(1);
    }

    @Test
    void withAHoldTheReferralWaitsQualifiedAndNothingIsCredited() {
        service = new QualifyReferralService(fx.referrals, rewarding(Duration.ofDays(14), OptionalInt.empty()),
                fx.unitOfWork, fx.clock);
        Referral referral = pending();

        assertThat(qualify(admin, referral).status()).isEqualTo("QUALIFIED");
        assertThat(fx.ledger.stored()).isEmpty();
    }

    @Test
    void pastTheLifetimeCapTheReferralIsRewardedWithoutPointsUnderTheReferrersLock() {
        service = new QualifyReferralService(fx.referrals, rewarding(Duration.ZERO, OptionalInt.of(1)), fx.unitOfWork,
                fx.clock);
        qualify(admin, pending());

        ReferralView capped = qualify(admin, pending());

        assertThat(capped.status()).isEqualTo("REWARDED");
        assertThat(capped.points()).isZero();
        assertThat(capped.statusReason()).isEqualTo(Referral.CAP_REACHED);
        assertThat(balance(john)).isEqualTo(10);
        assertThat(fx.referrals.rewardLocks()).containsExactly(john.id(), john.id());
    }

    @Test
    void flaggedAndVoidedReferralsCannotQualify() {
        Referral flagged = flagged();
        Referral voided = fx.change(pending(), referral -> referral.voidFor("fraud", java.util.List.of(),
                fx.clock.instant()));

        assertThatThrownBy(() -> qualify(admin, flagged)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("referral-flagged"));
        assertThatThrownBy(() -> qualify(admin, voided)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("referral-voided"));
        assertThat(stored(flagged).status()).isEqualTo(ReferralStatus.FLAGGED);
    }

    @Test
    void onlyAnAdminQualifiesAndOnlyAReferralThatExists() {
        Referral referral = pending();

        assertThatThrownBy(() -> qualify(johnAsCaller, referral)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.qualify(new QualifyReferralCommand(admin, ReferralId.newId(),
                Optional.empty()))).isInstanceOf(NotFoundException.class);
        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.PENDING);
    }

    @Test
    void anExternalReferenceLongerThan200CharactersIsRefused() {
        assertThatThrownBy(() -> new QualifyReferralCommand(admin, ReferralId.newId(), Optional.of("x".repeat(201))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.subject()).isEqualTo("external reference"));
    }

    @Test
    void qualifyingAppendsQualifiedThenRewardedWithThePointsAndTheExternalIdOnce() {
        Referral referral = pending();
        qualify(admin, referral);
        qualify(admin, referral);

        assertThat(eventTypes()).containsExactly(EventType.REFERRAL_QUALIFIED, EventType.REFERRAL_REWARDED);
        assertThat(onlyEvent(EventType.REFERRAL_QUALIFIED)).containsEntry("status", "QUALIFIED")
                .containsEntry("points", 0).containsEntry("externalId", "order-1");
        assertThat(onlyEvent(EventType.REFERRAL_REWARDED)).containsEntry("status", "REWARDED")
                .containsEntry("points", 10).containsEntry("refereeId", referral.referee().value().toString())
                .containsEntry("refereeUsername", "referee1");
    }

    @Test
    void withAHoldOnlyTheQualificationIsAnEvent() {
        service = new QualifyReferralService(fx.referrals, rewarding(Duration.ofDays(14), OptionalInt.empty()),
                fx.unitOfWork, fx.clock);

        qualify(admin, pending());

        assertThat(eventTypes()).containsExactly(EventType.REFERRAL_QUALIFIED);
    }
}
