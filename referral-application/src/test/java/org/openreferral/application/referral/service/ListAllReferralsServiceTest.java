package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.in.ListAllReferralsUseCase.ListAllReferralsQuery;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralStatus;

class ListAllReferralsServiceTest extends LifecycleServices {

    private final ListAllReferralsService service = new ListAllReferralsService(fx.referrals, fx.unitOfWork);

    private java.util.List<ReferralView> list(Caller caller, Optional<ReferralStatus> status) {
        return service.list(new ListAllReferralsQuery(caller, status, Optional.empty(), Optional.empty(),
                PageRequest.first())).items();
    }

    @Test
    void anAdminListsEveryReferralOrThoseOfOneStatusWithFullEmails() {
        Referral pending = pending();
        Referral flagged = flagged();

        assertThat(list(admin, Optional.empty())).extracting(ReferralView::id)
                .containsExactlyInAnyOrder(pending.id().value(), flagged.id().value());
        assertThat(list(admin, Optional.of(ReferralStatus.FLAGGED))).singleElement()
                .satisfies(view -> assertThat(view.statusReason()).isEqualTo("same-network"))
                .satisfies(view -> assertThat(view.referee().email()).endsWith("@example.com").doesNotContain("***"));
    }

    @Test
    void anybodyElseIsForbidden() {
        pending();

        assertThatThrownBy(() -> list(johnAsCaller, Optional.empty())).isInstanceOf(PermissionDeniedException.class);
    }
}
