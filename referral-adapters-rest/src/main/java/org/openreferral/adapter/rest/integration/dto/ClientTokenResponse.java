package org.openreferral.adapter.rest.integration.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The OAuth2 token response of the client credentials grant: no refresh token, the granted scopes. */
// Only ever returned inside a Response (for its no-store headers), so native images need it registered.
@RegisterForReflection
public record ClientTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope) {
}
