package org.openreferral.adapter.emailcheck;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** REST client for Hunter.io's Email Verifier endpoint; built programmatically by {@link HunterEmailVerifier}. */
@Path("/v2/email-verifier")
public interface HunterApi {

    // Response rather than a DTO: every status code is an answer to interpret, not an exception.
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response verify(@QueryParam("email") String email, @HeaderParam("X-API-KEY") String apiKey);
}
