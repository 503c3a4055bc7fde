package org.openreferral.application.port.in;

/** Use case: all users, newest first, optionally filtered on username or email; admins only. */
public interface ListUsersUseCase {

    Page<UserView> list(ListUsersQuery query);

    /** Who asks, the filter ({@code null} for all) and which page. */
    record ListUsersQuery(Caller caller, String filter, PageRequest page) {
    }
}
