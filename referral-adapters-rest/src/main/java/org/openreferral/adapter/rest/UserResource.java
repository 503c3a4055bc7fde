package org.openreferral.adapter.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.openreferral.application.port.in.ListReferralsUseCase;
import org.openreferral.application.port.in.ListReferralsUseCase.ByReferrer;
import org.openreferral.application.port.in.ListReferralsUseCase.ListReferralsQuery;
import org.openreferral.domain.error.NotFoundException;

/** Users, and what each user sees of their referrals and rewards. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UserResource {

    private final GetUserUseCase getUser;
    private final ListReferralsUseCase listReferrals;
    private final GetReferralStatsUseCase stats;
    private final GetRewardsUseCase rewards;
    private final CallerProvider callers;
    private final RestMapper mapper;

    UserResource(GetUserUseCase getUser, ListReferralsUseCase listReferrals, GetReferralStatsUseCase stats,
                 GetRewardsUseCase rewards, CallerProvider callers, RestMapper mapper) {
        this.getUser = getUser;
        this.listReferrals = listReferrals;
        this.stats = stats;
        this.rewards = rewards;
        this.callers = callers;
        this.mapper = mapper;
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
