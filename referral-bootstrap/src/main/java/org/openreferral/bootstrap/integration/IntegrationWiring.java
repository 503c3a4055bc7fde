package org.openreferral.bootstrap.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.openreferral.application.account.port.out.ClientSubjects;
import org.openreferral.application.account.port.out.SecurityEventLog;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase;
import org.openreferral.application.integration.port.in.CreateClientUseCase;
import org.openreferral.application.integration.port.in.DeleteClientUseCase;
import org.openreferral.application.integration.port.in.FinishIdempotentRequestUseCase;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase;
import org.openreferral.application.integration.port.in.ListClientsUseCase;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.integration.service.BeginIdempotentRequestService;
import org.openreferral.application.integration.service.ClientSubjectsService;
import org.openreferral.application.integration.service.CreateClientService;
import org.openreferral.application.integration.service.DeleteClientService;
import org.openreferral.application.integration.service.FinishIdempotentRequestService;
import org.openreferral.application.integration.service.IssueClientTokenService;
import org.openreferral.application.integration.service.ListClientsService;
import org.openreferral.application.integration.service.PurgeIdempotencyKeysService;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Wires the integration slice: machine clients and their client credentials grant, the account slice's
 * {@link ClientSubjects} out-port, through which the token check learns that a client was deleted, and idempotency
 * keys.
 */
@ApplicationScoped
public class IntegrationWiring {

    @Produces
    @ApplicationScoped
    CreateClientUseCase createClient(ClientRepository clients, TokenSecrets secrets, UnitOfWork unitOfWork,
                                     SecurityEventLog securityLog, Clock clock) {
        return new CreateClientService(clients, secrets, unitOfWork, securityLog, clock);
    }

    @Produces
    @ApplicationScoped
    ListClientsUseCase listClients(ClientRepository clients, UnitOfWork unitOfWork) {
        return new ListClientsService(clients, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    DeleteClientUseCase deleteClient(ClientRepository clients, UnitOfWork unitOfWork, SecurityEventLog securityLog) {
        return new DeleteClientService(clients, unitOfWork, securityLog);
    }

    @Produces
    @ApplicationScoped
    IssueClientTokenUseCase issueClientToken(ClientRepository clients, TokenSecrets secrets, TokenIssuer tokens,
                                             UnitOfWork unitOfWork) {
        return new IssueClientTokenService(clients, secrets, tokens, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    ClientSubjects clientSubjects(ClientRepository clients, UnitOfWork unitOfWork) {
        return new ClientSubjectsService(clients, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    BeginIdempotentRequestUseCase beginIdempotentRequest(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock,
                                                         IntegrationSettings settings) {
        return new BeginIdempotentRequestService(store, unitOfWork, clock, settings.idempotency().ttl(),
                settings.idempotency().lockTimeout());
    }

    @Produces
    @ApplicationScoped
    FinishIdempotentRequestUseCase finishIdempotentRequest(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock,
                                                           IntegrationSettings settings) {
        return new FinishIdempotentRequestService(store, unitOfWork, clock, settings.idempotency().ttl());
    }

    @Produces
    @ApplicationScoped
    PurgeIdempotencyKeysUseCase purgeIdempotencyKeys(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock) {
        return new PurgeIdempotencyKeysService(store, unitOfWork, clock);
    }
}
