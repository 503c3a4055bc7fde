package org.openreferral.application.integration.port.out;

import java.util.Optional;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.MachineClient;

/** Out-port: the machine clients, each with the digest of its secret. */
public interface ClientRepository {

    void add(MachineClient client);

    Optional<MachineClient> findById(ClientId id);

    boolean existsById(ClientId id);

    /** Clients, oldest first (then by id), paged. */
    Page<MachineClient> list(PageRequest page);

    /** Removes the client; whether there was one. */
    boolean delete(ClientId id);
}
