package org.openreferral.application.integration.service;

import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.integration.port.in.DeleteClientUseCase;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.NotFoundException;

/** Deletes a machine client for an admin; its tokens then fail the subject check. An entry of the security log. */
public final class DeleteClientService implements DeleteClientUseCase {

    private final ClientRepository clients;
    private final UnitOfWork unitOfWork;
    private final SecurityEventLog securityLog;

    public DeleteClientService(ClientRepository clients, UnitOfWork unitOfWork, SecurityEventLog securityLog) {
        this.clients = clients;
        this.unitOfWork = unitOfWork;
        this.securityLog = securityLog;
    }

    @Override
    public void delete(DeleteClientCommand command) {
        if (!command.caller().admin()) {
            throw new PermissionDeniedException();
        }
        if (!unitOfWork.inTransaction(() -> clients.delete(command.id()))) {
            throw clientNotFound();
        }
        securityLog.record(SecurityEvent.clientDeleted(command.caller(), command.id()));
    }

    static NotFoundException clientNotFound() {
        return new NotFoundException("client-not-found", "No such client.");
    }
}
