package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.ListUsersUseCase.ListUsersQuery;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class ListUsersServiceTest {

    private final Fixture fx = new Fixture();
    private final User admin = fx.admin("root", "root@example.com");
    private final ListUsersService service = new ListUsersService(fx.users, fx.unitOfWork);

    @Test
    void anAdminSeesEveryoneNewestFirstWithReferrers() {
        User jane = fx.user("jane", "jane@example.com");
        fx.clock.advance(Duration.ofMinutes(1));
        ReferralCode code = fx.code(jane, "JANE-2026", Duration.ofDays(10));
        User john = fx.referee(code, "john", "john@example.org");

        Page<UserView> page = service.list(new ListUsersQuery(Fixture.callerOf(admin), null, PageRequest.first()));

        assertThat(page.items()).extracting(UserView::username).containsExactly("john", "root", "jane");
        assertThat(page.items().get(0).referredBy()).isEqualTo(new UserView.UserRef(jane.id().value(), "jane"));
        assertThat(page.items().get(0).email()).isEqualTo(john.email().value());
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void theFilterMatchesUsernameOrEmail() {
        fx.user("jane", "jane@example.com");
        fx.user("john", "johnny@example.org");

        assertThat(list(" JOHN ").items()).extracting(UserView::username).containsExactly("john");
        assertThat(list("example.org").items()).extracting(UserView::username).containsExactly("john");
        assertThat(list("").total()).isEqualTo(3);
    }

    @Test
    void aUserIsRefused() {
        User jane = fx.user("jane", "jane@example.com");

        assertThatThrownBy(() -> service.list(new ListUsersQuery(Fixture.callerOf(jane), null, PageRequest.first())))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void aClientNeedsUsersRead() {
        Caller reader = Caller.client(UserId.newId(), Set.of(Scope.USERS_READ));
        Caller other = Caller.client(UserId.newId(), Set.of(Scope.REFERRALS_READ));

        assertThat(service.list(new ListUsersQuery(reader, null, PageRequest.first())).total()).isEqualTo(1);
        assertThatThrownBy(() -> service.list(new ListUsersQuery(other, null, PageRequest.first())))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("insufficient-scope"));
    }

    private Page<UserView> list(String filter) {
        return service.list(new ListUsersQuery(Fixture.callerOf(admin), filter, PageRequest.first()));
    }
}
