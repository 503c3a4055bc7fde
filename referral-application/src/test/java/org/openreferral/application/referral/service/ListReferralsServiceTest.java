package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByCode;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByReferrer;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ListReferralsQuery;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.Scope;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class ListReferralsServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final User mallory = fx.user("mallory", "mallory@example.com");
    private final User admin = fx.admin("root", "root@example.com");
    private final ReferralCode oldCode = fx.revokedCode(john, "Old-Code", Duration.ofDays(30));
    private final User jane;
    private final User joe;
    private final User ann;
    private final ListReferralsService service = new ListReferralsService(fx.codes, fx.referrals, fx.unitOfWork);

    ListReferralsServiceTest() {
        jane = fx.referee(oldCode, "jane", "jane.doe@example.com");
        fx.clock.advance(Duration.ofDays(1));
        ReferralCode newCode = fx.code(john, "New-Code", Duration.ofDays(30));
        joe = fx.referee(newCode, "joe", "joe@example.org");
        fx.clock.advance(Duration.ofDays(1));
        ann = fx.referee(newCode, "ann", "ann@example.net");
        fx.referee(fx.code(mallory, "Mallory-1", Duration.ofDays(30)), "eve", "eve@example.com");
    }

    private Page<ReferralView> list(User caller, Scope scope) {
        return service.list(new ListReferralsQuery(Fixture.callerOf(caller), scope, PageRequest.first()));
    }

    @Test
    void referrerSeesTheirReferralsNewestFirstWithMaskedEmails() {
        Page<ReferralView> page = list(john, new ByReferrer(john.id()));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(view -> view.referee().username()).containsExactly("ann", "joe", "jane");
        assertThat(page.items()).extracting(view -> view.referee().email())
                .containsExactly("a***@example.net", "j***@example.org", "j***@example.com");
        assertThat(page.items()).extracting(ReferralView::code).containsExactly("New-Code", "New-Code", "Old-Code");
        ReferralView newest = page.items().get(0);
        assertThat(newest.referee().id()).isEqualTo(ann.id().value());
        assertThat(newest.createdAt()).isEqualTo(Fixture.START.plus(Duration.ofDays(2)));
    }

    @Test
    void adminSeesFullEmails() {
        Page<ReferralView> page = list(admin, new ByReferrer(john.id()));

        assertThat(page.items()).extracting(view -> view.referee().email())
                .containsExactly("ann@example.net", "joe@example.org", "jane.doe@example.com");
    }

    @Test
    void somebodyElsesReferralsAreNotFound() {
        assertThatThrownBy(() -> list(mallory, new ByReferrer(john.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user-not-found"));
    }

    @Test
    void referralsArePaged() {
        Page<ReferralView> second = service.list(new ListReferralsQuery(Fixture.callerOf(john),
                new ByReferrer(john.id()), new PageRequest(2, 2)));

        assertThat(second.items()).extracting(view -> view.referee().id()).containsExactly(jane.id().value());
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.pages()).isEqualTo(2);
    }

    @Test
    void referralsOfOneCodeOnlyWhateverTheCaseOfTheCode() {
        Page<ReferralView> page = list(john, new ByCode(new CodeValue("new-code")));

        assertThat(page.items()).extracting(view -> view.referee().id())
                .containsExactly(ann.id().value(), joe.id().value());
        assertThat(page.items()).extracting(view -> view.referee().email())
                .containsExactly("a***@example.net", "j***@example.org");
    }

    @Test
    void referralsOfARevokedCodeAreStillListed() {
        assertThat(list(john, new ByCode(new CodeValue("Old-Code"))).items())
                .extracting(view -> view.referee().username())
                .containsExactly("jane");
    }

    @Test
    void somebodyElsesCodeIsNotFound() {
        assertCodeNotFound(mallory, "New-Code");
        assertCodeNotFound(john, "Mallory-1");
    }

    @Test
    void unknownCodeIsNotFound() {
        assertCodeNotFound(john, "NoSuchCode");
    }

    @Test
    void referrerWithoutReferralsGetsAnEmptyPage() {
        User lonely = fx.user("lonely", "lonely@example.com");

        Page<ReferralView> page = list(lonely, new ByReferrer(lonely.id()));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.pages()).isZero();
    }

    @Test
    void unknownReferrerIsNotFoundForOrdinaryUsers() {
        assertThatThrownBy(() -> list(john, new ByReferrer(UserId.newId())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user-not-found"));
    }

    private void assertCodeNotFound(User caller, String code) {
        assertThatThrownBy(() -> list(caller, new ByCode(new CodeValue(code))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("code-not-found"));
    }
}
