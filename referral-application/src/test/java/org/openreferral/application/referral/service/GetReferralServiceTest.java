package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.GetReferralUseCase.GetReferralQuery;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralId;

class GetReferralServiceTest extends LifecycleServices {

    private final GetReferralService service = new GetReferralService(fx.referrals, fx.unitOfWork);

    @Test
    void theReferrerSeesTheirReferralWithTheRefereesEmailMaskedAndAnAdminInFull() {
        Referral referral = pending();

        assertThat(service.get(new GetReferralQuery(johnAsCaller, referral.id())).referee().email())
                .isEqualTo("r***@example.com");
        assertThat(service.get(new GetReferralQuery(admin, referral.id())))
                .satisfies(view -> assertThat(view.referee().email()).isEqualTo("referee1@example.com"))
                .satisfies(view -> assertThat(view.status()).isEqualTo("PENDING"));
    }

    @Test
    void anybodyElseAndAnUnknownIdGetNotFound() {
        Referral referral = pending();
        var mallory = Fixture.callerOf(fx.user("mallory", "mallory@example.com"));

        assertThatThrownBy(() -> service.get(new GetReferralQuery(mallory, referral.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("referral-not-found"));
        assertThatThrownBy(() -> service.get(new GetReferralQuery(admin, ReferralId.newId())))
                .isInstanceOf(NotFoundException.class);
    }
}
