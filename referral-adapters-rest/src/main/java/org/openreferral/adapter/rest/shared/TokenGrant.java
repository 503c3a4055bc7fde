package org.openreferral.adapter.rest.shared;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A grant type that another slice adds to the account slice's OAuth2 token endpoint ({@code POST /auth/token}):
 * the endpoint dispatches by {@code grant_type}, so the account code never imports the slice that handles it.
 */
public interface TokenGrant {

    /** The {@code grant_type} this grant answers. */
    String grantType();

    /** Answers one token request: its form parameters (RFC 6749 names) and its Authorization header, if any. */
    Response token(Map<String, String> parameters, String authorization);
}
