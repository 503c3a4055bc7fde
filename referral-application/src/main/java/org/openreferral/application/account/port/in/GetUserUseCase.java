package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.user.UserId;

/** Use case: read one user; only the user themselves or an admin may. */
public interface GetUserUseCase {

    UserView get(GetUserQuery query);

    /** Which user, asked by whom. */
    record GetUserQuery(Caller caller, UserId userId) {

        public GetUserQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(userId, "userId");
        }
    }
}
