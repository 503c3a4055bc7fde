package org.openreferral.adapter.rest;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.dto.PageResponse;
import org.openreferral.adapter.rest.dto.ReferralResponse;
import org.openreferral.adapter.rest.dto.ReferralStatsResponse;
import org.openreferral.adapter.rest.dto.RewardsResponse;
import org.openreferral.adapter.rest.dto.UserResponse;
import org.openreferral.application.port.in.Caller;
import org.openreferral.application.port.in.GetReferralStatsUseCase;
import org.openreferral.application.port.in.GetReferralStatsUseCase.GetReferralStatsQuery;
import org.openreferral.application.port.in.GetRewardsUseCase;
import org.openreferral.application.port.in.GetRewardsUseCase.GetRewardsQuery;
import org.openreferral.application.port.in.GetUserUseCase;
import org.openreferral.application.port.in.GetUserUseCase.GetUserQuery;
import org.openreferral.application.port.in.ListUsersUseCase;
import org.openreferral.application.port.in.ListUsersUseCase.ListUsersQuery;
import org.openreferral.application.port.in.ListReferralsUseCase;
import org.openreferral.application.port.in.ListReferralsUseCase.ByReferrer;
import org.openreferral.application.port.in.ListReferralsUseCase.ListReferralsQuery;
import org.openreferral.domain.error.NotFoundException;

/** Users, and what each user sees of their referrals and rewards; the list of all users is for admins. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UserResource {

    private final GetUserUseCase getUser;
    private final ListReferralsUseCase listReferrals;
    private final GetReferralStatsUseCase stats;
    private final GetRewardsUseCase rewards;
    private final ListUsersUseCase listUsers;
    private final CallerProvider callers;
    private final RestMapper mapper;

    UserResource(GetUserUseCase getUser, ListReferralsUseCase listReferrals, GetReferralStatsUseCase stats,
                 GetRewardsUseCase rewards, ListUsersUseCase listUsers, CallerProvider callers, RestMapper mapper) {
        this.getUser = getUser;
        this.listUsers = listUsers;
        this.listReferrals = listReferrals;
        this.stats = stats;
        this.rewards = rewards;
        this.callers = callers;
        this.mapper = mapper;
    }

    // Admins only: the use case refuses anybody else (403). "/api/v1/users/" is the {id} form with an empty
    // id, which names no user: 404, as for any malformed id.
    @GET
    public PageResponse<UserResponse> list(@RestQuery String q, @RestQuery String page, @RestQuery String size,
                                           @Context HttpServerRequest http) {
        if (http != null && http.path().endsWith("/")) {
            throw NotFoundException.user();
        }
        return mapper.toUserPage(listUsers.list(new ListUsersQuery(callers.current(), q,
                RequestParsing.page(page, size))));
    }

    @GET
    @Path("/me")
    public UserResponse me() {
        Caller caller = callers.current();
        return mapper.toResponse(getUser.get(new GetUserQuery(caller, caller.id().value())));
    }

    @GET
    @Path("/{id}")
    public UserResponse user(@RestPath String id) {
        return mapper.toResponse(getUser.get(new GetUserQuery(callers.current(), userId(id))));
    }

    @GET
    @Path("/me/referrals")
    public PageResponse<ReferralResponse> myReferrals(@RestQuery String page, @RestQuery String size) {
        Caller caller = callers.current();
        return referralsOf(caller, caller.id().value(), page, size);
    }

    @GET
    @Path("/{id}/referrals")
    public PageResponse<ReferralResponse> referrals(@RestPath String id, @RestQuery String page,
                                                    @RestQuery String size) {
        return referralsOf(callers.current(), userId(id), page, size);
    }

    private PageResponse<ReferralResponse> referralsOf(Caller caller, UUID referrer, String page, String size) {
        return mapper.toReferralPage(listReferrals.list(new ListReferralsQuery(caller, new ByReferrer(referrer),
                RequestParsing.page(page, size))));
    }

    @GET
    @Path("/me/referral-stats")
    public ReferralStatsResponse referralStats() {
        return mapper.toResponse(stats.get(new GetReferralStatsQuery(callers.current())));
    }

    @GET
    @Path("/me/rewards")
    public RewardsResponse rewards(@RestQuery String page, @RestQuery String size) {
        return mapper.toResponse(rewards.get(new GetRewardsQuery(callers.current(), RequestParsing.page(page, size))));
    }

    private static UUID userId(String id) {
        return RequestParsing.id(id, NotFoundException::user);
    }
}
