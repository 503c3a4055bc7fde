package org.openreferral.adapter.rest.referral;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.referral.dto.CodeResponse;
import org.openreferral.adapter.rest.referral.dto.CreateCodeRequest;
import org.openreferral.adapter.rest.referral.dto.PublicCodeResponse;
import org.openreferral.adapter.rest.referral.dto.ReferralResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.ClientAddress;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.Idempotent;
import org.openreferral.adapter.rest.shared.KeysetPageResponse;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.CreateReferralCodeUseCase;
import org.openreferral.application.referral.port.in.CreateReferralCodeUseCase.CreateReferralCodeCommand;
import org.openreferral.application.referral.port.in.GetActiveReferralCodeUseCase;
import org.openreferral.application.referral.port.in.GetActiveReferralCodeUseCase.GetActiveReferralCodeQuery;
import org.openreferral.application.referral.port.in.ListReferralCodesUseCase;
import org.openreferral.application.referral.port.in.ListReferralCodesUseCase.ListReferralCodesQuery;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByCode;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.LookupReferralCodeQuery;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase;
import org.openreferral.application.referral.port.in.RevokeReferralCodeUseCase.RevokeReferralCodeCommand;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;

/** Referral codes: the caller's own, and the public lookup by a referrer's email. */
@Path("/api/v1/referral-codes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReferralCodeResource {

    private static final Map<String, String> EXPIRY_FIELD = Map.of(ReferralCode.EXPIRY, "expiresAt");

    private final CreateReferralCodeUseCase create;
    private final ListReferralCodesUseCase list;
    private final GetActiveReferralCodeUseCase active;
    private final RevokeReferralCodeUseCase revoke;
    private final LookupReferralCodeUseCase lookup;
    private final ReferralLists referrals;
    private final CallerProvider callers;
    private final ReferralMapper mapper;
    private final ClientAddress clientAddress;

    ReferralCodeResource(CreateReferralCodeUseCase create, ListReferralCodesUseCase list,
                         GetActiveReferralCodeUseCase active, RevokeReferralCodeUseCase revoke,
                         LookupReferralCodeUseCase lookup, ReferralLists referrals,
                         CallerProvider callers, ReferralMapper mapper, ClientAddress clientAddress) {
        this.create = create;
        this.list = list;
        this.active = active;
        this.revoke = revoke;
        this.lookup = lookup;
        this.referrals = referrals;
        this.callers = callers;
        this.mapper = mapper;
        this.clientAddress = clientAddress;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateCodeRequest request) {
        Caller caller = callers.current();
        Instant expiresAt = RequestParsing.instant("expiresAt", request.expiresAt());
        CodeValue chosen = Fields.parseOptional("code", CodeValue::new, request.code());
        // Whether the expiry is acceptable depends on the moment of creation, so only the use case can tell.
        CodeView created = Fields.reporting(EXPIRY_FIELD,
                () -> create.create(new CreateReferralCodeCommand(caller, expiresAt, chosen)));
        return Response.status(Response.Status.CREATED).entity(mapper.toResponse(created)).build();
    }

    @GET
    public PageResponse<CodeResponse> list(@RestQuery String page, @RestQuery String size) {
        return mapper.toCodePage(list.list(new ListReferralCodesQuery(callers.current(), RequestParsing.page(page, size))));
    }

    @GET
    @Path("/active")
    public CodeResponse active() {
        return mapper.toResponse(active.get(new GetActiveReferralCodeQuery(callers.current())));
    }

    @DELETE
    @Path("/{code}")
    public Response revoke(@RestPath String code) {
        revoke.revoke(new RevokeReferralCodeCommand(callers.current(), RequestParsing.code(code)));
        return Response.noContent().build();
    }

    @GET
    @Path("/lookup")
    @PermitAll
    public CompletionStage<PublicCodeResponse> lookup(@RestQuery String email, @Context HttpServerRequest http) {
        // Not blocking: the lookup counts the client's request in its cache read, and a cached answer completes
        // on the cache's event loop; only a miss takes a worker thread. A malformed email is refused uncounted,
        // having cost nothing.
        if (email == null) {
            throw Fields.invalid("email", "is required");
        }
        Email referrer = Fields.parse("email", Email::new, email);
        return lookup.lookup(new LookupReferralCodeQuery(referrer, clientAddress.rateLimitKey(http)))
                .thenApply(mapper::toResponse);
    }

    @GET
    @Path("/{code}/referrals")
    public KeysetPageResponse<ReferralResponse> referrals(@RestPath String code, @RestQuery String page,
                                                          @RestQuery String size, @RestQuery String cursor) {
        Caller caller = callers.current();
        return referrals.read(caller, new ByCode(RequestParsing.code(code)), page, size, cursor);
    }
}
