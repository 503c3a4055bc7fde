package org.openreferral.adapter.rest.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openreferral.adapter.rest.integration.dto.ClientTokenResponse;
import org.openreferral.adapter.rest.shared.TokenGrant;
import org.openreferral.application.integration.port.in.InvalidScopeException;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase.ClientToken;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase.IssueClientTokenCommand;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.client.Scope;

/**
 * The client credentials grant of {@code POST /auth/token}: credentials by HTTP Basic (RFC 6749 2.3.1: id and
 * secret form-urlencoded, then base64) or as form fields {@code client_id} and {@code client_secret}; an optional
 * space-separated {@code scope}. A Basic header that cannot be decoded is a wrong credential (401
 * {@code invalid-client}); an unknown scope name is a scope the client lacks (400 {@code invalid-scope}).
 */
@ApplicationScoped
public class ClientCredentialsGrant implements TokenGrant {

    private static final String BASIC = "basic ";

    private final IssueClientTokenUseCase issue;

    ClientCredentialsGrant(IssueClientTokenUseCase issue) {
        this.issue = issue;
    }

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public Response token(Map<String, String> parameters, String authorization) {
        String clientId = parameters.get("client_id");
        String clientSecret = parameters.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            String[] basic = basic(authorization.substring(BASIC.length()).strip());
            clientId = basic[0];
            clientSecret = basic[1];
        }
        ClientToken token = issue.issue(new IssueClientTokenCommand(clientId, clientSecret,
                scopes(parameters.get("scope"))));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new ClientTokenResponse(token.accessToken(), "Bearer", token.lifetime().toSeconds(),
                        token.scopes().stream().map(Scope::slug).collect(Collectors.joining(" "))))
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }

    // {null, null} for anything that is not base64 of "id:secret": refused like a wrong secret.
    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new String[] {null, null};
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return new String[] {null, null};
        }
    }

    private static Optional<Set<Scope>> scopes(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : text.strip().split(" +")) {
            try {
                scopes.add(Scope.ofSlug(name));
            } catch (InvalidValueException e) {
                throw new InvalidScopeException();
            }
        }
        return Optional.of(scopes);
    }
}
