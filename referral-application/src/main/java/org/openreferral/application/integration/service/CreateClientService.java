package org.openreferral.application.integration.service;

import java.time.Clock;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.account.port.out.TokenSecrets.Secret;
import org.openreferral.application.integration.port.in.CreateClientUseCase;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.MachineClient;

/**
 * Creates a machine client for an admin. The secret is 256 random bits from {@link TokenSecrets}, kept only as its
 * SHA-256 digest: a secret that cannot be guessed needs no slow password hash, and checking it costs nothing. The
 * creation is an entry of the security event log (ids and scopes, never the secret).
 */
public final class CreateClientService implements CreateClientUseCase {

    private final ClientRepository clients;
    private final TokenSecrets secrets;
    private final UnitOfWork unitOfWork;
    private final SecurityEventLog securityLog;
    private final Clock clock;

    public CreateClientService(ClientRepository clients, TokenSecrets secrets, UnitOfWork unitOfWork,
                               SecurityEventLog securityLog, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.unitOfWork = unitOfWork;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    @Override
    public CreatedClient create(CreateClientCommand command) {
        if (!command.caller().admin()) {
            throw new PermissionDeniedException();
        }
        Secret secret = secrets.newSecret();
        MachineClient client = MachineClient.register(ClientId.newId(), command.name(), command.scopes(),
                secret.digest(), clock.instant());
        unitOfWork.inTransaction(() -> {
            clients.add(client);
            return null;
        });
        securityLog.record(SecurityEvent.clientCreated(command.caller(), client.id(), command.scopes()));
        return new CreatedClient(ClientViews.of(client), secret.value());
    }
}
