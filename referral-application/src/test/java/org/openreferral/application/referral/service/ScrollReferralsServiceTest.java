package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByCode;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByReferrer;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.Scope;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.in.ScrollReferralsUseCase.ScrollReferralsQuery;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class ScrollReferralsServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final User mallory = fx.user("mallory", "mallory@example.com");
    private final User admin = fx.admin("root", "root@example.com");
    private final ReferralCode oldCode = fx.revokedCode(john, "Old-Code", Duration.ofDays(30));
    private final ScrollReferralsService service = new ScrollReferralsService(fx.codes, fx.referrals, fx.unitOfWork);

    ScrollReferralsServiceTest() {
        fx.referee(oldCode, "jane", "jane.doe@example.com");
        fx.clock.advance(Duration.ofDays(1));
        ReferralCode newCode = fx.code(john, "New-Code", Duration.ofDays(30));
        fx.referee(newCode, "joe", "joe@example.org");
        fx.clock.advance(Duration.ofDays(1));
        fx.referee(newCode, "ann", "ann@example.net");
        fx.referee(fx.code(mallory, "Mallory-1", Duration.ofDays(30)), "eve", "eve@example.com");
    }

    private Slice<ReferralView> scroll(User caller, Scope scope, CursorRequest cursor) {
        return service.scroll(new ScrollReferralsQuery(Fixture.callerOf(caller), scope, cursor));
    }

    @Test
    void referrerWalksTheirReferralsNewestFirstWithMaskedEmails() {
        Slice<ReferralView> first = scroll(john, new ByReferrer(john.id()), CursorRequest.first(2));
        ReferralView last = first.items().get(1);
        Slice<ReferralView> second = scroll(john, new ByReferrer(john.id()),
                CursorRequest.after(first.next().orElseThrow(), 2));

        assertThat(first.items()).extracting(view -> view.referee().username()).containsExactly("ann", "joe");
        assertThat(first.items()).extracting(view -> view.referee().email())
                .containsExactly("a***@example.net", "j***@example.org");
        assertThat(first.next()).contains(new Position(last.createdAt(), last.id()));
        assertThat(second.items()).extracting(view -> view.referee().username()).containsExactly("jane");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void adminSeesFullEmails() {
        assertThat(scroll(admin, new ByReferrer(john.id()), CursorRequest.first(1)).items())
                .extracting(view -> view.referee().email()).containsExactly("ann@example.net");
    }

    @Test
    void aCodesWalkHoldsOnlyThatCodesReferrals() {
        assertThat(scroll(john, new ByCode(new CodeValue("new-code")), CursorRequest.first(10)).items())
                .extracting(view -> view.referee().username()).containsExactly("ann", "joe");
    }

    @Test
    void somebodyElsesListsAreNotFound() {
        assertThatThrownBy(() -> scroll(mallory, new ByReferrer(john.id()), CursorRequest.first(10)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user-not-found"));
        assertThatThrownBy(() -> scroll(mallory, new ByCode(new CodeValue("New-Code")), CursorRequest.first(10)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("code-not-found"));
    }
}
