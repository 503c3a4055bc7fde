package org.openreferral.adapter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.openreferral.adapter.rest.dto.RegisterRequest;
import org.openreferral.adapter.rest.dto.TokenRequest;
import org.openreferral.adapter.rest.dto.TokenResponse;
import org.openreferral.adapter.rest.dto.UserResponse;
import org.openreferral.application.port.in.AuthenticateUserUseCase;
import org.openreferral.application.port.in.AuthenticateUserUseCase.AuthenticateUserCommand;
import org.openreferral.application.port.in.IssuedTokens;
import org.openreferral.application.port.in.RegisterUserUseCase;
import org.openreferral.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import org.openreferral.domain.error.InvalidValueException;

/** Accounts and tokens: registration and the OAuth2 token endpoint. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String PASSWORD_GRANT = "password";

    private final RegisterUserUseCase register;
    private final AuthenticateUserUseCase authenticate;
    private final RestMapper mapper;

    AuthResource(RegisterUserUseCase register, AuthenticateUserUseCase authenticate, RestMapper mapper) {
        this.register = register;
        this.authenticate = authenticate;
        this.mapper = mapper;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull RegisterRequest request) {
        return registered(request, request.referralCode());
    }

    @POST
    @Path("/register/{referralCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerWithCode(@RestPath String referralCode, @Valid @NotNull RegisterRequest request) {
        if (request.referralCode() != null && !request.referralCode().equalsIgnoreCase(referralCode)) {
            throw new InvalidValueException("referralCode", "differs from the code in the path");
        }
        return registered(request, referralCode);
    }

    private Response registered(RegisterRequest request, String referralCode) {
        UserResponse user = mapper.toResponse(register.register(new RegisterUserCommand(request.username(),
                request.email(), request.password(), request.name(), referralCode)));
        return Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tokenFromForm(@RestForm("grant_type") String grantType, @RestForm String username,
                                  @RestForm String password, @RestForm("refresh_token") String refreshToken) {
        return token(grantType, username, password);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tokenFromJson(@Valid @NotNull TokenRequest request) {
        return token(request.grantType(), request.username(), request.password());
    }

    private Response token(String grantType, String username, String password) {
        String grant = grantType == null || grantType.isBlank() ? PASSWORD_GRANT : grantType;
        if (!grant.equals(PASSWORD_GRANT)) {
            throw new InvalidValueException("grant_type", "must be 'password' or 'refresh_token'");
        }
        IssuedTokens tokens = authenticate.authenticate(new AuthenticateUserCommand(username, password));
        return tokenResponse(tokens);
    }

    private static Response tokenResponse(IssuedTokens tokens) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessTokenLifetime().toSeconds(),
                        tokens.refreshToken()))
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }
}
