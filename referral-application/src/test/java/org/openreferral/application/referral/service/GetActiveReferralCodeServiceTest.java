package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.GetActiveReferralCodeUseCase.GetActiveReferralCodeQuery;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class GetActiveReferralCodeServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final GetActiveReferralCodeService service = new GetActiveReferralCodeService(fx.codes, fx.referrals,
            fx.unitOfWork, fx.clock);

    private CodeView active(User user) {
        return service.get(new GetActiveReferralCodeQuery(Fixture.callerOf(user)));
    }

    @Test
    void showsTheActiveCodeWithItsReferrals() {
        fx.revokedCode(john, "Revoked-1", Duration.ofDays(30));
        ReferralCode code = fx.code(john, "Active-1", Duration.ofDays(30));
        fx.referee(code, "jane", "jane@example.com");

        CodeView view = active(john);

        assertThat(view.code()).isEqualTo("Active-1");
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.referrals()).isEqualTo(1);
    }

    @Test
    void noActiveCodeIsNotFound() {
        fx.revokedCode(john, "Revoked-1", Duration.ofDays(30));

        assertNotFound(john);
    }

    @Test
    void codePastItsExpiryIsNoLongerActive() {
        fx.code(john, "Active-1", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1));

        assertNotFound(john);
    }

    private void assertNotFound(User user) {
        assertThatThrownBy(() -> active(user))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("code-not-found"));
    }
}
