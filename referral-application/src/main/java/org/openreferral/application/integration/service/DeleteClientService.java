package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.DeleteClientUseCase;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.NotFoundException;

/** Deletes a machine client for an admin; its tokens then fail the subject check. */
public final class DeleteClientService implements DeleteClientUseCase {

    private final ClientRepository clients;
    private final UnitOfWork unitOfWork;

    public DeleteClientService(ClientRepository clients, UnitOfWork unitOfWork) {
        this.clients = clients;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void delete(DeleteClientCommand command) {
        if (!command.caller().admin()) {
            throw new PermissionDeniedException();
        }
        if (!unitOfWork.inTransaction(() -> clients.delete(command.id()))) {
            throw clientNotFound();
        }
    }

    static NotFoundException clientNotFound() {
        return new NotFoundException("client-not-found", "No such client.");
    }
}
