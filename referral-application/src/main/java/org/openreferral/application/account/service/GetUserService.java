package org.openreferral.application.account.service;

import org.openreferral.application.account.port.in.GetUserUseCase;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.user.UserId;

/** Reads one user for the user themselves or an admin; anybody else learns nothing, not even existence. */
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
        if (!query.caller().maySee(id)) {
            throw NotFoundException.user();
        }
        return unitOfWork.reading(() -> users.findById(id).map(views::of).orElseThrow(NotFoundException::user));
    }
}
