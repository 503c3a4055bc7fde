package org.openreferral.application.account.port.in;

import java.util.UUID;
import org.openreferral.application.shared.Caller;

/** Use case: read one user; only the user themselves or an admin may. */
public interface GetUserUseCase {

    UserView get(GetUserQuery query);

    /** Which user, asked by whom. */
    record GetUserQuery(Caller caller, UUID userId) {
    }
}
