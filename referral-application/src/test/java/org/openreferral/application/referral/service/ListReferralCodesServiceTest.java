package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.ListReferralCodesUseCase.ListReferralCodesQuery;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class ListReferralCodesServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final ListReferralCodesService service = new ListReferralCodesService(fx.codes, fx.referrals,
            fx.unitOfWork, fx.clock);

    @Test
    void listsEveryCodeNewestFirstWithItsStatusNowAndItsReferrals() {
        ReferralCode revoked = fx.revokedCode(john, "Revoked-1", Duration.ofDays(30));
        fx.referee(revoked, "jane", "jane@example.com");
        fx.clock.advance(Duration.ofDays(1));
        fx.code(john, "Expired-1", Duration.ofDays(1));
        fx.clock.advance(Duration.ofDays(1));
        ReferralCode active = fx.code(john, "Active-1", Duration.ofDays(30));
        fx.referee(active, "joe", "joe@example.com");
        fx.referee(active, "ann", "ann@example.com");
        fx.user("mallory", "mallory@example.com");

        Page<CodeView> page = service.list(new ListReferralCodesQuery(Fixture.callerOf(john), PageRequest.first()));

        assertThat(page.items()).extracting(CodeView::code, CodeView::status, CodeView::referrals)
                .containsExactly(
                        tuple("Active-1", "ACTIVE", 2L),
                        tuple("Expired-1", "EXPIRED", 0L),
                        tuple("Revoked-1", "REVOKED", 1L));
        assertThat(page.items().get(2).revokedAt()).isEqualTo(Fixture.START);
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void codeStillStoredActiveIsListedAsExpiredOncePastItsExpiry() {
        fx.code(john, "Active-1", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1));

        assertThat(service.list(new ListReferralCodesQuery(Fixture.callerOf(john), PageRequest.first())).items())
                .extracting(CodeView::status).containsExactly("EXPIRED");
    }

    @Test
    void onlyTheCallersCodesAreListed() {
        User mallory = fx.user("mallory", "mallory@example.com");
        fx.code(mallory, "Mallory-1", Duration.ofDays(30));

        assertThat(service.list(new ListReferralCodesQuery(Fixture.callerOf(john), PageRequest.first())).items())
                .isEmpty();
    }
}
