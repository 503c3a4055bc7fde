package org.openreferral.application.integration.port.in;

import java.util.Objects;
import java.util.Set;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.client.ClientName;
import org.openreferral.domain.model.client.Scope;

/** Use case: an admin creates a machine client; its secret is shown in the result once and stored as a digest. */
public interface CreateClientUseCase {

    CreatedClient create(CreateClientCommand command);

    record CreateClientCommand(Caller caller, ClientName name, Set<Scope> scopes) {

        public CreateClientCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(name, "name");
            scopes = Set.copyOf(scopes);
        }
    }

    /** The new client and its secret, which nobody can read again. */
    record CreatedClient(ClientView client, String secret) {

        @Override
        public String toString() {
            return "CreatedClient[" + client + "]";
        }
    }
}
