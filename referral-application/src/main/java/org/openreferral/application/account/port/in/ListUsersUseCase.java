package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Use case: all users, newest first, optionally filtered on username or email; admins only. */
public interface ListUsersUseCase {

    Page<UserView> list(ListUsersQuery query);

    /**
     * Who asks, the text that usernames or emails must contain ({@code null} for all; a blank one counts as none and
     * surrounding blanks are dropped) and which page.
     */
    record ListUsersQuery(Caller caller, String filter, PageRequest page) {

        public ListUsersQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(page, "page");
            filter = filter == null || filter.isBlank() ? null : filter.strip();
        }
    }
}
