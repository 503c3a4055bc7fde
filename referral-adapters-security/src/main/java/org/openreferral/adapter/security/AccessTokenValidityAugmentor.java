package org.openreferral.adapter.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase.ValidateAccessTokenCommand;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.error.ReferralException;

/**
 * Wiring: once SmallRye JWT has verified a bearer token (signature, algorithm, issuer, audience, expiry),
 * checks that it is an access token ({@link AccessTokenType}) and asks the application whether the token still
 * counts: not logged out, and its subject (a user, or a machine client for a token in group {@code client}) still
 * exists.
 * Runs for every request that needs an identity, so no endpoint can forget the check. A refusal is an
 * authentication failure whose cause carries the application's error code ({@code token-revoked}); a check that
 * could not be made (neither Redis nor the database answered) stays a {@link ServiceUnavailableException}, a 503.
 */
@ApplicationScoped
public class AccessTokenValidityAugmentor implements SecurityIdentityAugmentor {

    private final ValidateAccessTokenUseCase validation;

    AccessTokenValidityAugmentor(ValidateAccessTokenUseCase validation) {
        this.validation = validation;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!AccessTokenType.isAccessToken(token.getRawToken())) {
            // Signed by our key, but not an access token (typ): refused like any other invalid token.
            return Uni.createFrom().failure(new AuthenticationFailedException("The bearer token is no access token."));
        }
        // The check may ask the database and Redis: off the event loop.
        return context.runBlocking(() -> {
            try {
                validation.validate(new ValidateAccessTokenCommand(uuid(token.getSubject()), token.getTokenID(),
                        optionalUuid(token.getClaim(JwtTokenIssuer.SESSION_CLAIM)),
                        token.getGroups() != null && token.getGroups().contains(JwtTokenIssuer.CLIENT_GROUP)));
                return identity;
            } catch (ServiceUnavailableException unavailable) {
                // Nobody could tell whether the token was revoked: neither accepted nor called invalid.
                throw unavailable;
            } catch (ReferralException refused) {
                throw new AuthenticationFailedException(refused.getMessage(), refused);
            }
        });
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AuthenticationFailedException("The access token's subject is not a user id.");
        }
    }

    private static UUID optionalUuid(Object claim) {
        if (claim == null) {
            return null;
        }
        String text = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        return uuid(text);
    }
}
