package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase.CheckShareLinkQuery;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase.ShareLinkState;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.User;

class CheckShareLinkServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final CheckShareLinkService service = new CheckShareLinkService(fx.codes, fx.unitOfWork, fx.clock);

    private ShareLinkState check(String code) {
        return service.check(new CheckShareLinkQuery(new CodeValue(code)));
    }

    @Test
    void anActiveCodeOpensTheLinkWhateverItsCase() {
        fx.code(john, "Active-1", Duration.ofDays(30));

        assertThat(check("Active-1")).isEqualTo(ShareLinkState.OPEN);
        assertThat(check("ACTIVE-1")).isEqualTo(ShareLinkState.OPEN);
    }

    @Test
    void unknownExpiredAndRevokedCodesAreOneClosedState() {
        fx.code(john, "Expiring-1", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1));
        fx.revokedCode(fx.user("jane", "jane@example.com"), "Revoked-1", Duration.ofDays(30));

        assertThat(check("Expiring-1")).isEqualTo(ShareLinkState.CLOSED);
        assertThat(check("Revoked-1")).isEqualTo(ShareLinkState.CLOSED);
        assertThat(check("Never-issued")).isEqualTo(ShareLinkState.CLOSED);
    }
}
