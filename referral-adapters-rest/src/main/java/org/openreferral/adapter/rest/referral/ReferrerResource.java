package org.openreferral.adapter.rest.referral;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.referral.dto.ReferralResponse;
import org.openreferral.adapter.rest.referral.dto.ReferralStatsResponse;
import org.openreferral.adapter.rest.referral.dto.RewardsResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.KeysetPageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.GetReferralStatsQuery;
import org.openreferral.application.referral.port.in.GetRewardsUseCase;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.GetRewardsQuery;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ByReferrer;
import org.openreferral.application.referral.port.in.ScrollRewardsUseCase;
import org.openreferral.application.referral.port.in.ScrollRewardsUseCase.ScrollRewardsQuery;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.CursorRequest;

/**
 * What a referrer sees under their user resource: the people they referred, their stats and their rewards; the lists
 * by page number or by cursor.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReferrerResource {

    private final ReferralLists referralLists;
    private final GetReferralStatsUseCase stats;
    private final GetRewardsUseCase rewards;
    private final ScrollRewardsUseCase rewardRuns;
    private final CallerProvider callers;
    private final ReferralMapper mapper;

    ReferrerResource(ReferralLists referralLists, GetReferralStatsUseCase stats, GetRewardsUseCase rewards,
                     ScrollRewardsUseCase rewardRuns, CallerProvider callers, ReferralMapper mapper) {
        this.rewardRuns = rewardRuns;
        this.referralLists = referralLists;
        this.stats = stats;
        this.rewards = rewards;
        this.callers = callers;
        this.mapper = mapper;
    }

    @GET
    @Path("/me/referrals")
    public KeysetPageResponse<ReferralResponse> myReferrals(@RestQuery String page, @RestQuery String size,
                                                            @RestQuery String cursor) {
        Caller caller = callers.current();
        return referralLists.read(caller, new ByReferrer(caller.id()), page, size, cursor);
    }

    @GET
    @Path("/{id}/referrals")
    public KeysetPageResponse<ReferralResponse> referrals(@RestPath String id, @RestQuery String page,
                                                          @RestQuery String size, @RestQuery String cursor) {
        Caller caller = callers.current();
        return referralLists.read(caller, new ByReferrer(RequestParsing.userId(id)), page, size, cursor);
    }

    @GET
    @Path("/me/referral-stats")
    public ReferralStatsResponse referralStats() {
        return mapper.toResponse(stats.get(new GetReferralStatsQuery(callers.current())));
    }

    @GET
    @Path("/me/rewards")
    public RewardsResponse rewards(@RestQuery String page, @RestQuery String size, @RestQuery String cursor) {
        Caller caller = callers.current();
        Optional<CursorRequest> run = RequestParsing.cursor(cursor, page, size);
        if (run.isPresent()) {
            return mapper.toResponse(rewardRuns.scroll(new ScrollRewardsQuery(caller, run.get())));
        }
        return mapper.toResponse(rewards.get(new GetRewardsQuery(caller, RequestParsing.page(page, size))));
    }
}
