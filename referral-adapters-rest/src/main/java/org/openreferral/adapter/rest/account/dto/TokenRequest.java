package org.openreferral.adapter.rest.account.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** JSON body of the OAuth2 token endpoint (RFC 6749 names), for the password, refresh and client grants. */
public record TokenRequest(
        @JsonProperty("grant_type") @Size(max = 32) String grantType,
        @Size(max = 256) String username,
        @Size(max = 256) String password,
        @JsonProperty("refresh_token") @Size(max = 256) String refreshToken,
        @Size(max = 256) String scope,
        @JsonProperty("client_id") @Size(max = 256) String clientId,
        @JsonProperty("client_secret") @Size(max = 256) String clientSecret) {

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", secrets=redacted]";
    }
}
