package org.openreferral.adapter.rest.referral;

import jakarta.inject.Inject;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.openreferral.adapter.rest.referral.dto.CodeResponse;
import org.openreferral.adapter.rest.referral.dto.PublicCodeResponse;
import org.openreferral.adapter.rest.referral.dto.ReferralResponse;
import org.openreferral.adapter.rest.referral.dto.ReferralStatsResponse;
import org.openreferral.adapter.rest.referral.dto.RewardsResponse;
import org.openreferral.adapter.rest.shared.KeysetPageResponse;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.CodeCount;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.ReferralStatsView;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardsView;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.PublicCode;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.in.ScrollRewardsUseCase.RewardsRunView;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;

/** Maps the referral use cases' results to the API's response records. */
@Mapper(componentModel = "jakarta-cdi")
public abstract class ReferralMapper {

    @Inject
    ShareLinks shareLinks;

    @Mapping(target = "shareLink", expression = "java(shareLinks.linkTo(code.code()))")
    public abstract CodeResponse toResponse(CodeView code);

    public abstract PublicCodeResponse toResponse(PublicCode code);

    public abstract ReferralResponse toResponse(ReferralView referral);

    public abstract ReferralResponse.RefereeResponse toResponse(ReferralView.Referee referee);

    public abstract ReferralStatsResponse toResponse(ReferralStatsView stats);

    public abstract ReferralStatsResponse.CodeCountResponse toResponse(CodeCount count);

    public abstract RewardsResponse.RewardEntryResponse toResponse(RewardEntryView entry);

    public abstract List<CodeResponse> toCodeResponses(List<CodeView> codes);

    public abstract List<ReferralResponse> toReferralResponses(List<ReferralView> referrals);

    public abstract List<RewardsResponse.RewardEntryResponse> toEntryResponses(List<RewardEntryView> entries);

    /** The balance and a numbered page of the ledger, with the cursor after its last entry. */
    public RewardsResponse toResponse(RewardsView rewards) {
        List<RewardEntryView> items = rewards.entries().items();
        Position last = items.isEmpty() ? null
                : new Position(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id());
        return new RewardsResponse(rewards.balance(),
                KeysetPageResponse.of(rewards.entries(), toEntryResponses(items), last));
    }

    /** The balance and a run of the ledger read by cursor. */
    public RewardsResponse toResponse(RewardsRunView rewards) {
        return new RewardsResponse(rewards.balance(),
                KeysetPageResponse.of(rewards.entries(), toEntryResponses(rewards.entries().items())));
    }

    public PageResponse<CodeResponse> toCodePage(Page<CodeView> page) {
        return PageResponse.of(page, toCodeResponses(page.items()));
    }

    public PageResponse<ReferralResponse> toReferralPage(Page<ReferralView> page) {
        return PageResponse.of(page, toReferralResponses(page.items()));
    }

    /** A numbered page of a referral list that can also be read by cursor, with the cursor after its last item. */
    public KeysetPageResponse<ReferralResponse> toKeysetReferralPage(Page<ReferralView> page) {
        List<ReferralView> items = page.items();
        Position last = items.isEmpty() ? null
                : new Position(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id());
        return KeysetPageResponse.of(page, toReferralResponses(items), last);
    }

    /** A run of referrals read by cursor. */
    public KeysetPageResponse<ReferralResponse> toReferralRun(Slice<ReferralView> run) {
        return KeysetPageResponse.of(run, toReferralResponses(run.items()));
    }
}
