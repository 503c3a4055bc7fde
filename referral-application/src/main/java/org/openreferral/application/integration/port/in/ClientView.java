package org.openreferral.application.integration.port.in;

import java.time.Instant;
import java.util.List;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;

/** A machine client as admins see it: never its secret. Scopes in their declared order. */
public record ClientView(ClientId id, String name, List<Scope> scopes, Instant createdAt) {

    public ClientView {
        scopes = List.copyOf(scopes);
    }
}
