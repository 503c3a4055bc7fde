package org.openreferral.adapter.rest.account;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.openreferral.adapter.rest.account.dto.AcceptedResponse;
import org.openreferral.adapter.rest.account.dto.EmailVerificationConfirmation;
import org.openreferral.adapter.rest.account.dto.PasswordResetConfirmation;
import org.openreferral.adapter.rest.account.dto.PasswordResetRequest;
import org.openreferral.adapter.rest.account.dto.RegisterRequest;
import org.openreferral.adapter.rest.account.dto.TokenRequest;
import org.openreferral.adapter.rest.account.dto.TokenResponse;
import org.openreferral.adapter.rest.account.dto.UserResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.CallerProvider.PresentedToken;
import org.openreferral.adapter.rest.shared.CheckedForm;
import org.openreferral.adapter.rest.shared.ClientAddress;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.Idempotent;
import org.openreferral.adapter.rest.shared.TokenGrant;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase.AuthenticateUserCommand;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.LogOutUseCase;
import org.openreferral.application.account.port.in.LogOutUseCase.LogOutCommand;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.openreferral.application.account.port.in.RegisterUserUseCase;
import org.openreferral.application.account.port.in.RegisterUserUseCase.RegisterUserCommand;
import org.openreferral.application.account.port.in.RequestEmailVerificationUseCase;
import org.openreferral.application.account.port.in.RequestEmailVerificationUseCase.RequestEmailVerificationCommand;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import org.openreferral.application.account.port.in.ResetPasswordUseCase;
import org.openreferral.application.account.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import org.openreferral.application.account.port.in.VerifyEmailUseCase;
import org.openreferral.application.account.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.CheckRateLimitCommand;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.PresentedPassword;
import org.openreferral.domain.model.user.Username;

/**
 * Accounts and tokens: registration, the OAuth2 token endpoint (password and refresh grants; other slices add grants
 * as {@link TokenGrant}s, e.g. client credentials), logout, password
 * reset and email verification. The public operations count against per-client rate limits first (confirming an
 * email needs none: its 256-bit token cannot be guessed).
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** The device token of OWASP's device-cookie scheme, sent back only to the auth endpoints. */
    static final String DEVICE_COOKIE = "referral_device";
    private static final String DEVICE_COOKIE_PATH = "/api/v1/auth";
    private static final String PASSWORD_GRANT = "password";
    private static final String REFRESH_GRANT = "refresh_token";
    private static final AcceptedResponse RESET_ACCEPTED = new AcceptedResponse(
            "If an account has this email address, a link to reset its password is on its way.");
    private static final AcceptedResponse VERIFICATION_ACCEPTED = new AcceptedResponse(
            "Unless your email address is verified already or you asked for several links within the last hour,"
                    + " a new verification link is on its way.");

    private final RegisterUserUseCase register;
    private final AuthenticateUserUseCase authenticate;
    private final RefreshAccessTokenUseCase refresh;
    private final LogOutUseCase logOut;
    private final RequestPasswordResetUseCase requestReset;
    private final ResetPasswordUseCase resetPassword;
    private final RequestEmailVerificationUseCase requestVerification;
    private final VerifyEmailUseCase verifyEmail;
    private final CheckRateLimitUseCase rateLimits;
    private final CallerProvider callers;
    private final AccountMapper mapper;
    private final List<TokenGrant> otherGrants;
    private final ClientAddress clientAddress;

    AuthResource(RegisterUserUseCase register, AuthenticateUserUseCase authenticate,
                 RefreshAccessTokenUseCase refresh, LogOutUseCase logOut, RequestPasswordResetUseCase requestReset,
                 ResetPasswordUseCase resetPassword, RequestEmailVerificationUseCase requestVerification,
                 VerifyEmailUseCase verifyEmail, CheckRateLimitUseCase rateLimits, CallerProvider callers,
                 AccountMapper mapper, Instance<TokenGrant> otherGrants, ClientAddress clientAddress) {
        this.otherGrants = otherGrants.stream().toList();
        this.clientAddress = clientAddress;
        this.register = register;
        this.authenticate = authenticate;
        this.refresh = refresh;
        this.logOut = logOut;
        this.requestReset = requestReset;
        this.resetPassword = resetPassword;
        this.requestVerification = requestVerification;
        this.verifyEmail = verifyEmail;
        this.rateLimits = rateLimits;
        this.callers = callers;
        this.mapper = mapper;
    }

    @POST
    @Idempotent
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull RegisterRequest request, @Context HttpServerRequest http) {
        limit(RateLimitedAction.REGISTER, http);
        return registered(request, request.referralCode(), http);
    }

    @POST
    @Idempotent
    @Path("/register/{referralCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerWithCode(@RestPath String referralCode, @Valid @NotNull RegisterRequest request,
                                     @Context HttpServerRequest http) {
        limit(RateLimitedAction.REGISTER, http);
        if (request.referralCode() != null && !request.referralCode().equalsIgnoreCase(referralCode)) {
            throw Fields.invalid("referralCode", "differs from the code in the path");
        }
        return registered(request, referralCode, http);
    }

    private Response registered(RegisterRequest request, String referralCode, HttpServerRequest http) {
        // Field by field in this order, so that of several bad fields the same one is reported as always.
        Username username = Fields.parse("username", Username::new, request.username());
        Email email = Fields.parse("email", Email::new, request.email());
        DisplayName name = Fields.parseOptional("name", DisplayName::new, request.name());
        Password password = Fields.parse("password", Password::new, request.password());
        CodeValue code = Fields.parseOptional("referralCode", CodeValue::new, referralCode);
        UserResponse user = mapper.toResponse(register.register(
                new RegisterUserCommand(username, email, password, name, code, Optional.of(clientAddress.of(http)))));
        return Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @CheckedForm
    public Response tokenFromForm(@RestForm("grant_type") String grantType, @RestForm String username,
                                  @RestForm String password, @RestForm("refresh_token") String refreshToken,
                                  @RestForm("client_id") String clientId,
                                  @RestForm("client_secret") String clientSecret, @RestForm String scope,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Context HttpServerRequest http) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("client_secret", clientSecret);
        parameters.put("scope", scope);
        return token(grantType, username, password, refreshToken, parameters, authorization, http);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tokenFromJson(@Valid @NotNull TokenRequest request,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Context HttpServerRequest http) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("client_id", request.clientId());
        parameters.put("client_secret", request.clientSecret());
        parameters.put("scope", request.scope());
        return token(request.grantType(), request.username(), request.password(), request.refreshToken(), parameters,
                authorization, http);
    }

    private Response token(String grantType, String username, String password, String refreshToken,
                           Map<String, String> parameters, String authorization, HttpServerRequest http) {
        limit(RateLimitedAction.TOKEN, http);
        String grant = grantType == null || grantType.isBlank() ? PASSWORD_GRANT : grantType;
        for (TokenGrant other : otherGrants) {
            if (other.grantType().equals(grant)) {
                return other.token(parameters, authorization);
            }
        }
        IssuedTokens tokens = switch (grant) {
            case PASSWORD_GRANT -> authenticate.authenticate(credentials(username, password,
                    clientAddress.rateLimitKey(http), deviceToken(http)));
            case REFRESH_GRANT -> {
                if (refreshToken == null || refreshToken.isEmpty()) {
                    throw Fields.invalid("refresh_token", "is required for the refresh_token grant");
                }
                yield refresh.refresh(new RefreshAccessTokenCommand(refreshToken));
            }
            default -> throw Fields.invalid("grant_type", "must be 'password', 'refresh_token' or one of "
                    + otherGrants.stream().map(TokenGrant::grantType).toList());
        };
        return tokenResponse(tokens, http);
    }

    private static Optional<String> deviceToken(HttpServerRequest http) {
        Cookie cookie = http.getCookie(DEVICE_COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    // A login or password that cannot be one at all (missing, blank, overlong) is refused like a wrong one, without a
    // 400 naming the field: the answer must not tell what a login looks like, nor whether its account exists.
    private static AuthenticateUserCommand credentials(String login, String password, String clientNetwork,
                                                       Optional<String> deviceToken) {
        try {
            return new AuthenticateUserCommand(new LoginName(login), new PresentedPassword(password), clientNetwork,
                    deviceToken);
        } catch (InvalidValueException e) {
            throw AuthenticationFailedException.invalidCredentials();
        }
    }

    private Response tokenResponse(IssuedTokens tokens, HttpServerRequest http) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder response = Response.ok(new TokenResponse(tokens.accessToken(), "Bearer",
                        tokens.accessTokenLifetime().toSeconds(), tokens.refreshToken()))
                .cacheControl(noStore)
                .header("Pragma", "no-cache");
        tokens.deviceToken().ifPresent(device -> response.cookie(new NewCookie.Builder(DEVICE_COOKIE)
                .value(device.value())
                .path(DEVICE_COOKIE_PATH)
                .maxAge((int) Math.min(Integer.MAX_VALUE, device.lifetime().toSeconds()))
                .httpOnly(true)
                // A browser keeps no Secure cookie from a plain-http origin: Secure unless the request came in
                // plain, straight from the client (the embedded default on localhost). Behind a trusted proxy the
                // client spoke TLS to the proxy.
                .secure(http.isSSL() || clientAddress.throughTrustedProxy(http))
                .sameSite(NewCookie.SameSite.STRICT)
                .build()));
        return response.build();
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout() {
        PresentedToken token = callers.presentedToken();
        logOut.logOut(new LogOutCommand(callers.current(), token.sessionId(), token.id(), token.expiresAt()));
        return Response.noContent().build();
    }

    @POST
    @Path("/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestPasswordReset(@Valid @NotNull PasswordResetRequest request,
                                         @Context HttpServerRequest http) {
        limit(RateLimitedAction.PASSWORD_RESET, http);
        requestReset.request(new RequestPasswordResetCommand(Fields.parse("email", Email::new, request.email())));
        return Response.accepted(RESET_ACCEPTED).build();
    }

    @POST
    @Path("/password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirmPasswordReset(@Valid @NotNull PasswordResetConfirmation request,
                                         @Context HttpServerRequest http) {
        limit(RateLimitedAction.PASSWORD_RESET, http);
        Password newPassword = Fields.parse("newPassword", Password::new, request.newPassword());
        resetPassword.reset(new ResetPasswordCommand(request.token(), newPassword));
        return Response.noContent().build();
    }

    @POST
    @Path("/email-verification")
    @Authenticated
    public Response requestEmailVerification() {
        requestVerification.request(new RequestEmailVerificationCommand(callers.current().id()));
        return Response.accepted(VERIFICATION_ACCEPTED).build();
    }

    @POST
    @Path("/email-verification/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirmEmailVerification(@Valid @NotNull EmailVerificationConfirmation request) {
        verifyEmail.verify(new VerifyEmailCommand(request.token()));
        return Response.noContent().build();
    }

    private void limit(RateLimitedAction action, HttpServerRequest http) {
        rateLimits.check(new CheckRateLimitCommand(action, clientAddress.rateLimitKey(http)));
    }
}
