package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.GetUserUseCase.GetUserQuery;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class GetUserServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final ReferralCode code = fx.code(john, "JOHN-2026", Duration.ofDays(30));
    private final User jane = fx.referee(code, "jane", "jane@example.com");
    private final User mallory = fx.user("mallory", "mallory@example.com");
    private final User admin = fx.admin("root", "root@example.com");
    private final GetUserService service = new GetUserService(fx.users, fx.unitOfWork);

    @Test
    void userMayReadThemselves() {
        UserView view = service.get(new GetUserQuery(Fixture.callerOf(jane), jane.id()));

        assertThat(view.id()).isEqualTo(jane.id().value());
        assertThat(view.username()).isEqualTo("jane");
        assertThat(view.email()).isEqualTo("jane@example.com");
        assertThat(view.roles()).containsExactly("user");
        assertThat(view.referredBy()).isEqualTo(new UserView.UserRef(john.id().value(), "john"));
    }

    @Test
    void adminMayReadAnybody() {
        UserView view = service.get(new GetUserQuery(Fixture.callerOf(admin), jane.id()));

        assertThat(view.id()).isEqualTo(jane.id().value());
        assertThat(view.email()).isEqualTo("jane@example.com");
    }

    @Test
    void adminHasBothRoles() {
        UserView view = service.get(new GetUserQuery(Fixture.callerOf(admin), admin.id()));

        assertThat(view.roles()).containsExactlyInAnyOrder("user", "admin");
    }

    @Test
    void anybodyElseLearnsNothingNotEvenThatTheUserExists() {
        assertThatThrownBy(() -> service.get(new GetUserQuery(Fixture.callerOf(mallory), jane.id())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo("user-not-found"));
        assertThatThrownBy(() -> service.get(new GetUserQuery(Fixture.callerOf(mallory), UserId.newId())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo("user-not-found"));
    }

    @Test
    void unknownUserIsNotFoundForAnAdminToo() {
        assertThatThrownBy(() -> service.get(new GetUserQuery(Fixture.callerOf(admin), UserId.newId())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo("user-not-found"));
    }

    @Test
    void aClientWithUsersReadMayReadAnybodyAndOneWithoutItIsRefused() {
        Caller reader = Caller.client(UserId.newId(), Set.of(Scope.USERS_READ));
        Caller other = Caller.client(UserId.newId(), Set.of(Scope.REFERRALS_READ));

        assertThat(service.get(new GetUserQuery(reader, jane.id())).email()).isEqualTo("jane@example.com");
        assertThatThrownBy(() -> service.get(new GetUserQuery(other, jane.id())))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("insufficient-scope"));
    }

    @Test
    void userWhoWasNotReferredHasNoReferrer() {
        assertThat(service.get(new GetUserQuery(Fixture.callerOf(john), john.id())).referredBy()).isNull();
    }
}
