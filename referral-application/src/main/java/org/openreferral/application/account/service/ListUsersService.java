package org.openreferral.application.account.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.account.port.in.ListUsersUseCase;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * Lists all users for an admin or a client with {@code users:read}, newest first, optionally those whose username or
 * email contains a text.
 */
public final class ListUsersService implements ListUsersUseCase {

    private final UserRepository users;
    private final UnitOfWork unitOfWork;

    public ListUsersService(UserRepository users, UnitOfWork unitOfWork) {
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<UserView> list(ListUsersQuery query) {
        query.caller().requireAdminOr(Scope.USERS_READ);
        return unitOfWork.reading(() -> {
            Page<User> page = users.list(query.filter(), query.page());
            // Referrers repeat within a page: each is read once.
            Map<UserId, Optional<UserView.UserRef>> referrers = new HashMap<>();
            return page.map(user -> UserViews.of(user, user.referredBy()
                    .flatMap(id -> referrers.computeIfAbsent(id, this::referrer))
                    .orElse(null)));
        });
    }

    private Optional<UserView.UserRef> referrer(UserId id) {
        return users.findById(id).map(found -> new UserView.UserRef(found.id().value(), found.username().value()));
    }
}
