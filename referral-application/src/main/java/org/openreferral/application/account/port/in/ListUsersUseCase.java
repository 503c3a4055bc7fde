package org.openreferral.application.account.port.in;

import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Use case: all users, newest first, optionally filtered on username or email; admins only. */
public interface ListUsersUseCase {

    Page<UserView> list(ListUsersQuery query);

    /** Who asks, the filter ({@code null} for all) and which page. */
    record ListUsersQuery(Caller caller, String filter, PageRequest page) {
    }
}
