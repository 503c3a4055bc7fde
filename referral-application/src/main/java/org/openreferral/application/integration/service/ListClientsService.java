package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.ClientView;
import org.openreferral.application.integration.port.in.ListClientsUseCase;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.PermissionDeniedException;

/** Lists the machine clients for admins, oldest first, without secrets. */
public final class ListClientsService implements ListClientsUseCase {

    private final ClientRepository clients;
    private final UnitOfWork unitOfWork;

    public ListClientsService(ClientRepository clients, UnitOfWork unitOfWork) {
        this.clients = clients;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<ClientView> list(ListClientsQuery query) {
        if (!query.caller().admin()) {
            throw new PermissionDeniedException();
        }
        return unitOfWork.reading(() -> clients.list(query.page())).map(ClientViews::of);
    }
}
