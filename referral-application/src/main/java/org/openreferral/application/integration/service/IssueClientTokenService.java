package org.openreferral.application.integration.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.application.account.port.out.TokenIssuer.AccessToken;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.integration.port.in.InvalidScopeException;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.MachineClient;
import org.openreferral.domain.model.client.Scope;

/**
 * The client credentials grant: the presented secret's digest is compared in constant time with the stored one; an
 * unknown or malformed client id is digested just the same, so both failures take as long and read alike.
 */
public final class IssueClientTokenService implements IssueClientTokenUseCase {

    private final ClientRepository clients;
    private final TokenSecrets secrets;
    private final TokenIssuer tokens;
    private final UnitOfWork unitOfWork;

    public IssueClientTokenService(ClientRepository clients, TokenSecrets secrets, TokenIssuer tokens,
                                   UnitOfWork unitOfWork) {
        this.clients = clients;
        this.secrets = secrets;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public ClientToken issue(IssueClientTokenCommand command) {
        String presented = command.clientSecret() == null ? "" : command.clientSecret();
        String digest = secrets.digestOf(presented);
        Optional<MachineClient> client = parse(command.clientId())
                .flatMap(id -> unitOfWork.reading(() -> clients.findById(id)));
        if (client.isEmpty() || presented.isEmpty() || !MessageDigest.isEqual(
                digest.getBytes(StandardCharsets.US_ASCII), client.get().secretDigest().getBytes(StandardCharsets.US_ASCII))) {
            throw invalidClient();
        }
        Set<Scope> granted = command.scopes().filter(scopes -> !scopes.isEmpty()).orElse(client.get().scopes());
        if (!client.get().holdsAll(granted)) {
            throw new InvalidScopeException();
        }
        AccessToken token = tokens.issueForClient(client.get().id(), granted);
        return new ClientToken(token.value(), token.lifetime(),
                granted.stream().sorted(Comparator.naturalOrder()).toList());
    }

    static AuthenticationFailedException invalidClient() {
        return new AuthenticationFailedException("invalid-client", "The client id or secret is incorrect.");
    }

    private static Optional<ClientId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(new ClientId(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
