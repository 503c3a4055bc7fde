package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.referral.port.in.QualifyReferralUseCase.QualifyReferralCommand;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.in.VoidReferralUseCase.VoidReferralCommand;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.RewardReason;

class VoidReferralServiceTest extends LifecycleServices {

    private final VoidReferralService service = new VoidReferralService(fx.referrals, fx.ledger, fx.referralEvents,
            fx.unitOfWork, fx.clock);

    private ReferralView voidIt(Referral referral, String reason) {
        return service.voidReferral(new VoidReferralCommand(admin, referral.id(), reason));
    }

    private Referral rewarded() {
        Referral referral = pending();
        new QualifyReferralService(fx.referrals, rewardingAtOnce(), fx.unitOfWork, fx.clock)
                .qualify(new QualifyReferralCommand(admin, referral.id(), Optional.empty()));
        return referral;
    }

    @Test
    void voidingARewardedReferralReversesItsCreditAndTheBalanceDrops() {
        Referral referral = rewarded();

        ReferralView view = voidIt(referral, "refunded");

        assertThat(view.status()).isEqualTo("VOIDED");
        assertThat(view.statusReason()).isEqualTo("refunded");
        assertThat(view.voidedAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.ledger.stored()).extracting(entry -> entry.points(), entry -> entry.reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, RewardReason.REFERRAL_REFERRER),
                        org.assertj.core.groups.Tuple.tuple(-10, RewardReason.REFERRAL_VOIDED));
        assertThat(balance(john)).isZero();
    }

    @Test
    void voidingAgainChangesNothing() {
        Referral referral = rewarded();
        voidIt(referral, "refunded");

        assertThat(voidIt(referral, "again").statusReason()).isEqualTo("refunded");
        assertThat(fx.ledger.stored()).hasSize(2);
    }

    @Test
    void voidingAnUnrewardedReferralWritesNoEntry() {
        Referral referral = flagged();

        assertThat(voidIt(referral, "fraud").status()).isEqualTo("VOIDED");
        assertThat(fx.ledger.stored()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aReasonIsRequired(String reason) {
        assertThatThrownBy(() -> new VoidReferralCommand(admin, pending().id(), reason))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.subject()).isEqualTo("reason for voiding"));
        assertThatThrownBy(() -> new VoidReferralCommand(admin, pending().id(), "x".repeat(201)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyAnAdminVoids() {
        Referral referral = rewarded();

        assertThatThrownBy(() -> service.voidReferral(new VoidReferralCommand(johnAsCaller, referral.id(), "mine")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(balance(john)).isEqualTo(10);
    }

    @Test
    void voidingAppendsExactlyOneReferralVoidedEvenWhenRepeated() {
        Referral referral = rewarded();
        voidIt(referral, "refunded");
        voidIt(referral, "again");

        assertThat(onlyEvent(EventType.REFERRAL_VOIDED))
                .containsEntry("referralId", referral.id().value().toString())
                .containsEntry("referrerId", john.id().value().toString())
                .containsEntry("code", "John-1")
                .containsEntry("status", "VOIDED")
                .containsEntry("reason", "refunded");
        assertThat(eventTypes()).containsExactly(EventType.REFERRAL_QUALIFIED, EventType.REFERRAL_REWARDED,
                EventType.REFERRAL_VOIDED);
    }

    @Test
    void aRefusedVoidAppendsNoEvent() {
        Referral referral = rewarded();

        assertThatThrownBy(() -> service.voidReferral(new VoidReferralCommand(johnAsCaller, referral.id(), "mine")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(fx.events.appended(EventType.REFERRAL_VOIDED)).isEmpty();
    }
}
