package org.openreferral.adapter.rest.referral;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.referral.dto.QualifyReferralRequest;
import org.openreferral.adapter.rest.referral.dto.ReferralResponse;
import org.openreferral.adapter.rest.referral.dto.VoidReferralRequest;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.Idempotent;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.referral.port.in.ApproveReferralUseCase;
import org.openreferral.application.referral.port.in.ApproveReferralUseCase.ApproveReferralCommand;
import org.openreferral.application.referral.port.in.GetReferralUseCase;
import org.openreferral.application.referral.port.in.GetReferralUseCase.GetReferralQuery;
import org.openreferral.application.referral.port.in.ListAllReferralsUseCase;
import org.openreferral.application.referral.port.in.ListAllReferralsUseCase.ListAllReferralsQuery;
import org.openreferral.application.referral.port.in.QualifyReferralUseCase;
import org.openreferral.application.referral.port.in.QualifyReferralUseCase.QualifyReferralCommand;
import org.openreferral.application.referral.port.in.VoidReferralUseCase;
import org.openreferral.application.referral.port.in.VoidReferralUseCase.VoidReferralCommand;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.UserId;

/**
 * The referral lifecycle for admins and machine clients: list and read referrals (client scope referrals:read),
 * qualify and void (referrals:write), approve a flagged one (admins only; a client gets 403 forbidden).
 */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReferralResource {

    private final ListAllReferralsUseCase list;
    private final GetReferralUseCase get;
    private final QualifyReferralUseCase qualify;
    private final ApproveReferralUseCase approve;
    private final VoidReferralUseCase voids;
    private final CallerProvider callers;
    private final ReferralMapper mapper;

    ReferralResource(ListAllReferralsUseCase list, GetReferralUseCase get, QualifyReferralUseCase qualify,
                     ApproveReferralUseCase approve, VoidReferralUseCase voids, CallerProvider callers,
                     ReferralMapper mapper) {
        this.list = list;
        this.get = get;
        this.qualify = qualify;
        this.approve = approve;
        this.voids = voids;
        this.callers = callers;
        this.mapper = mapper;
    }

    // "/api/v1/referrals/" is the {id} form with an empty id, which names no referral: 404, as any malformed id.
    @GET
    public PageResponse<ReferralResponse> list(@RestQuery String status, @RestQuery String referrerId,
                                               @RestQuery String refereeId, @RestQuery String page,
                                               @RestQuery String size, @Context HttpServerRequest http) {
        if (http != null && http.path().endsWith("/")) {
            throw NotFoundException.referral();
        }
        return mapper.toReferralPage(list.list(new ListAllReferralsQuery(callers.any(), status(status),
                user("referrerId", referrerId), user("refereeId", refereeId), RequestParsing.page(page, size))));
    }

    @GET
    @Path("/{id}")
    public ReferralResponse get(@RestPath String id) {
        return mapper.toResponse(get.get(new GetReferralQuery(callers.any(), referral(id))));
    }

    @POST
    @Idempotent
    @Path("/{id}/qualify")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReferralResponse qualify(@RestPath String id, @Valid @NotNull QualifyReferralRequest request) {
        Optional<String> externalId = Optional.ofNullable(request.externalId());
        return mapper.toResponse(qualify.qualify(new QualifyReferralCommand(callers.any(), referral(id), externalId)));
    }

    @POST
    @Path("/{id}/approve")
    public ReferralResponse approve(@RestPath String id) {
        return mapper.toResponse(approve.approve(new ApproveReferralCommand(callers.current(), referral(id))));
    }

    @POST
    @Idempotent
    @Path("/{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReferralResponse voidReferral(@RestPath String id, @Valid @NotNull VoidReferralRequest request) {
        return mapper.toResponse(voids.voidReferral(new VoidReferralCommand(callers.any(), referral(id),
                request.reason())));
    }

    private static ReferralId referral(String id) {
        return RequestParsing.referralId(id);
    }

    private static Optional<ReferralStatus> status(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(ReferralStatus.values()).filter(status -> status.name().equals(text)).findFirst()
                .map(Optional::of)
                .orElseThrow(() -> Fields.invalid("status",
                        "must be one of " + Arrays.toString(ReferralStatus.values())));
    }

    private static Optional<UserId> user(String field, String text) {
        return RequestParsing.uuidParameter(field, text).map(UserId::new);
    }
}
