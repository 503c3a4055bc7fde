package org.openreferral.adapter.rest.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.openreferral.adapter.rest.referral.dto.ReferralResponse;
import org.openreferral.adapter.rest.shared.KeysetPageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.referral.port.in.ListReferralsUseCase;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.ListReferralsQuery;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.Scope;
import org.openreferral.application.referral.port.in.ScrollReferralsUseCase;
import org.openreferral.application.referral.port.in.ScrollReferralsUseCase.ScrollReferralsQuery;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.CursorRequest;

/**
 * The referral lists of a referrer and of a code, by page number ({@code page}) or by cursor ({@code cursor}): the
 * query parameters decide which use case reads them.
 */
@ApplicationScoped
public class ReferralLists {

    private final ListReferralsUseCase pages;
    private final ScrollReferralsUseCase runs;
    private final ReferralMapper mapper;

    ReferralLists(ListReferralsUseCase pages, ScrollReferralsUseCase runs, ReferralMapper mapper) {
        this.pages = pages;
        this.runs = runs;
        this.mapper = mapper;
    }

    KeysetPageResponse<ReferralResponse> read(Caller caller, Scope scope, String page, String size, String cursor) {
        Optional<CursorRequest> run = RequestParsing.cursor(cursor, page, size);
        if (run.isPresent()) {
            return mapper.toReferralRun(runs.scroll(new ScrollReferralsQuery(caller, scope, run.get())));
        }
        return mapper.toKeysetReferralPage(pages.list(new ListReferralsQuery(caller, scope,
                RequestParsing.page(page, size))));
    }
}
