package org.openreferral.adapter.rest.referral;

import java.util.List;
import org.mapstruct.Mapper;
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
public interface ReferralMapper {

    CodeResponse toResponse(CodeView code);

    PublicCodeResponse toResponse(PublicCode code);

    ReferralResponse toResponse(ReferralView referral);

    ReferralResponse.RefereeResponse toResponse(ReferralView.Referee referee);

    ReferralStatsResponse toResponse(ReferralStatsView stats);

    ReferralStatsResponse.CodeCountResponse toResponse(CodeCount count);

    RewardsResponse.RewardEntryResponse toResponse(RewardEntryView entry);

    List<CodeResponse> toCodeResponses(List<CodeView> codes);

    List<ReferralResponse> toReferralResponses(List<ReferralView> referrals);

    List<RewardsResponse.RewardEntryResponse> toEntryResponses(List<RewardEntryView> entries);

    /** The balance and a numbered page of the ledger, with the cursor after its last entry. */
    default RewardsResponse toResponse(RewardsView rewards) {
        List<RewardEntryView> items = rewards.entries().items();
        Position last = items.isEmpty() ? null
                : new Position(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id());
        return new RewardsResponse(rewards.balance(),
                KeysetPageResponse.of(rewards.entries(), toEntryResponses(items), last));
    }

    /** The balance and a run of the ledger read by cursor. */
    default RewardsResponse toResponse(RewardsRunView rewards) {
        return new RewardsResponse(rewards.balance(),
                KeysetPageResponse.of(rewards.entries(), toEntryResponses(rewards.entries().items())));
    }

    default PageResponse<CodeResponse> toCodePage(Page<CodeView> page) {
        return PageResponse.of(page, toCodeResponses(page.items()));
    }

    default PageResponse<ReferralResponse> toReferralPage(Page<ReferralView> page) {
        return PageResponse.of(page, toReferralResponses(page.items()));
    }

    /** A numbered page of a referral list that can also be read by cursor, with the cursor after its last item. */
    default KeysetPageResponse<ReferralResponse> toKeysetReferralPage(Page<ReferralView> page) {
        List<ReferralView> items = page.items();
        Position last = items.isEmpty() ? null
                : new Position(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id());
        return KeysetPageResponse.of(page, toReferralResponses(items), last);
    }

    /** A run of referrals read by cursor. */
    default KeysetPageResponse<ReferralResponse> toReferralRun(Slice<ReferralView> run) {
        return KeysetPageResponse.of(run, toReferralResponses(run.items()));
    }
}
