package org.openreferral.application.integration.service;

import org.openreferral.application.account.port.out.ClientSubjects;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.client.ClientId;

/** Tells the account slice's token check whether a machine client still exists. */
public final class ClientSubjectsService implements ClientSubjects {

    private final ClientRepository clients;
    private final UnitOfWork unitOfWork;

    public ClientSubjectsService(ClientRepository clients, UnitOfWork unitOfWork) {
        this.clients = clients;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public boolean exists(ClientId client) {
        return unitOfWork.reading(() -> clients.existsById(client));
    }
}
