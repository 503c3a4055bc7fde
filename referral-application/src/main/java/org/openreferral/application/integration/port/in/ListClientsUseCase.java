package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Use case: an admin lists the machine clients, without secrets. */
public interface ListClientsUseCase {

    Page<ClientView> list(ListClientsQuery query);

    record ListClientsQuery(Caller caller, PageRequest page) {

        public ListClientsQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(page, "page");
        }
    }
}
