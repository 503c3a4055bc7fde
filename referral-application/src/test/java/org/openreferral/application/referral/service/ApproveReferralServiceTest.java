package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openreferral.application.referral.port.in.ApproveReferralUseCase.ApproveReferralCommand;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.model.referral.QualifyingCondition;
import org.openreferral.domain.model.referral.Referral;

class ApproveReferralServiceTest extends LifecycleServices {

    private ApproveReferralService service(QualifyingCondition condition, boolean refereeVerified) {
        return new ApproveReferralService(fx.referrals, rewardingAtOnce(), user -> refereeVerified, condition,
                fx.unitOfWork, fx.clock);
    }

    @ParameterizedTest
    @CsvSource({
            "REGISTRATION, false, REWARDED",
            "EMAIL_VERIFIED, true, REWARDED",
            "EMAIL_VERIFIED, false, PENDING",
            "EVENT, true, PENDING"})
    void anApprovedReferralMovesOnAtOnceWhenItsConditionAlreadyHolds(QualifyingCondition condition,
                                                                   boolean verified, String status) {
        Referral referral = flagged();

        assertThat(service(condition, verified).approve(new ApproveReferralCommand(admin, referral.id())).status())
                .isEqualTo(status);
        assertThat(stored(referral).status().name()).isEqualTo(status);
        assertThat(stored(referral).statusReason()).isEmpty();
    }

    @Test
    void onlyAFlaggedReferralCanBeApprovedAndOnlyByAnAdmin() {
        Referral pending = pending();
        ApproveReferralService service = service(QualifyingCondition.EVENT, false);

        assertThatThrownBy(() -> service.approve(new ApproveReferralCommand(admin, pending.id())))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("referral-not-flagged"));
        assertThatThrownBy(() -> service.approve(new ApproveReferralCommand(johnAsCaller, flagged().id())))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
