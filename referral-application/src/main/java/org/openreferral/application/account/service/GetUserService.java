package org.openreferral.application.account.service;

import org.openreferral.application.account.port.in.GetUserUseCase;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.UserId;

/**
 * Reads one user for the user themselves, an admin or a client with {@code users:read}; another person learns nothing,
 * not even existence, and a client without the scope is refused (403 {@code insufficient-scope}).
 */
public final class GetUserService implements GetUserUseCase {

    private final UserRepository users;
    private final UserViews views;
    private final UnitOfWork unitOfWork;

    public GetUserService(UserRepository users, UnitOfWork unitOfWork) {
        this.users = users;
        this.views = new UserViews(users);
        this.unitOfWork = unitOfWork;
    }

    @Override
    public UserView get(GetUserQuery query) {
        UserId id = query.userId();
        Caller caller = query.caller();
        if (caller.client()) {
            caller.requireAdminOr(Scope.USERS_READ);
        } else if (!caller.maySee(id)) {
            throw NotFoundException.user();
        }
        return unitOfWork.reading(() -> users.findById(id).map(views::of).orElseThrow(NotFoundException::user));
    }
}
