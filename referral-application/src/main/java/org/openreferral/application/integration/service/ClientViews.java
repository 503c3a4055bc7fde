package org.openreferral.application.integration.service;

import java.util.Comparator;
import org.openreferral.application.integration.port.in.ClientView;
import org.openreferral.domain.model.client.MachineClient;

/** A client as its view, scopes in their declared order. */
final class ClientViews {

    private ClientViews() {
    }

    static ClientView of(MachineClient client) {
        return new ClientView(client.id(), client.name().value(),
                client.scopes().stream().sorted(Comparator.naturalOrder()).toList(), client.createdAt());
    }
}
