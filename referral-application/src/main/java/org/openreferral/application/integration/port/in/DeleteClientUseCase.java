package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.client.ClientId;

/**
 * Use case: an admin deletes a machine client. Its secret stops working at once; its access tokens within the
 * subject-check ttl.
 */
public interface DeleteClientUseCase {

    /** Throws {@code NotFoundException} {@code client-not-found} when there is no such client. */
    void delete(DeleteClientCommand command);

    record DeleteClientCommand(Caller caller, ClientId id) {

        public DeleteClientCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
        }
    }
}
