package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralCodeRepository.Lock;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;

/** Contract of {@code ReferralCodeRepository}: uniqueness, expiry by the effective-status rule, and listing. */
public abstract class ReferralCodeRepositoryContract extends RepositoryContract {

    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(1));

    private Optional<ReferralCode> byValue(String value, Lock lock) {
        return writing(() -> stores.codes().findByValue(new CodeValue(value), lock));
    }

    private Optional<ReferralCode> active(User owner, Instant at) {
        return read(() -> stores.codes().findActive(owner.id(), at));
    }

    private Optional<ReferralCode> activeByEmail(User owner, Instant at) {
        return read(() -> stores.codes().findActiveByOwnerEmail(owner.email(), at));
    }

    private void add(ReferralCode code) {
        write(() -> stores.codes().add(code));
    }

    private ReferralCode revoked(ReferralCode code, Instant at) {
        code.revoke(at);
        write(() -> stores.codes().update(code));
        return code;
    }

    /** A code stored ACTIVE whose expiry lies before {@link #NOW}: overdue, never marked expired. */
    private ReferralCode overdue(User owner, String value) {
        return codeAt(owner, value, NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(9)));
    }

    @Test
    void storedCodeReadsBackWithEverythingItHolds() {
        ReferralCode code = code(user("john"), "Summer-2026");

        assertThat(byValue("Summer-2026", Lock.NONE)).get().usingRecursiveComparison().isEqualTo(code);
    }

    @Test
    void codeIsFoundByItsValueInAnyCaseUnderEveryLock() {
        ReferralCode code = code(user("john"), "Summer-2026");

        for (Lock lock : Lock.values()) {
            assertThat(byValue("sUMMER-2026", lock)).as(lock.name()).get()
                    .extracting(ReferralCode::id).isEqualTo(code.id());
        }
        assertThat(byValue("Winter-2026", Lock.NONE)).isEmpty();
    }

    @Test
    void valueIsTakenWhateverItsCaseAndOwner() {
        code(user("john"), "Summer-2026");
        User jane = user("jane");

        assertConflict(() -> add(issued(jane, "SUMMER-2026", NOW, EXPIRY)), "code-taken");
        assertThat(active(jane, NOW)).isEmpty();
    }

    @Test
    void valueStaysTakenAfterItsCodeIsRevokedOrExpired() {
        User john = user("john");
        revoked(code(john, "Revoked-1"), NOW);
        overdue(john, "Overdue-1");
        write(() -> stores.codes().expireOverdue(john.id(), NOW));

        assertConflict(() -> add(issued(john, "revoked-1", NOW, EXPIRY)), "code-taken");
        assertConflict(() -> add(issued(john, "OVERDUE-1", NOW, EXPIRY)), "code-taken");
    }

    @Test
    void ownerHoldsOneActiveCodeAtMost() {
        User john = user("john");
        ReferralCode first = code(john, "First-1");

        assertConflict(() -> add(issued(john, "Second-2", NOW, EXPIRY)), "active-code-exists");
        assertThat(active(john, NOW)).get().extracting(ReferralCode::id).isEqualTo(first.id());
        assertThat(byValue("Second-2", Lock.NONE)).isEmpty();
    }

    @Test
    void anotherOwnersActiveCodeDoesNotCount() {
        code(user("john"), "John-1");
        User jane = user("jane");

        add(issued(jane, "Jane-1", NOW, EXPIRY));

        assertThat(active(jane, NOW)).get().extracting(code -> code.value().value()).isEqualTo("Jane-1");
    }

    @Test
    void revokedCodeDoesNotBlockANewOne() {
        User john = user("john");
        revoked(code(john, "First-1"), NOW);

        add(issued(john, "Second-2", NOW, EXPIRY));

        assertThat(active(john, NOW)).get().extracting(code -> code.value().value()).isEqualTo("Second-2");
    }

    @Test
    void overdueCodeBlocksANewOneUntilItIsMarkedExpired() {
        User john = user("john");
        overdue(john, "Old-1");

        assertConflict(() -> add(issued(john, "New-1", NOW, EXPIRY)), "active-code-exists");
        assertThat(writing(() -> stores.codes().expireOverdue(john.id(), NOW))).isEqualTo(1);
        add(issued(john, "New-1", NOW, EXPIRY));

        assertThat(active(john, NOW)).get().extracting(code -> code.value().value()).isEqualTo("New-1");
    }

    @Test
    void updateStoresTheRevocation() {
        ReferralCode code = revoked(code(user("john"), "Summer-2026"), NOW.plusSeconds(5));

        ReferralCode stored = byValue("Summer-2026", Lock.NONE).orElseThrow();

        assertThat(stored.storedStatus()).isEqualTo(CodeStatus.REVOKED);
        assertThat(stored.revokedAt()).contains(NOW.plusSeconds(5));
        assertThat(stored).usingRecursiveComparison().isEqualTo(code);
    }

    @Test
    void expiringMarksExactlyTheOwnersCodesThatTheRuleCallsExpired() {
        User john = user("john");
        User jane = user("jane");
        revoked(codeAt(john, "Revoked-1", NOW.minus(Duration.ofDays(12)), NOW.minus(Duration.ofDays(11))),
                NOW.minus(Duration.ofDays(12)));
        overdue(john, "Overdue-1");
        overdue(jane, "Jane-Overdue");

        assertThat(writing(() -> stores.codes().expireOverdue(john.id(), NOW))).isEqualTo(1);

        assertThat(byValue("Overdue-1", Lock.NONE)).get().extracting(ReferralCode::storedStatus)
                .isEqualTo(CodeStatus.EXPIRED);
        assertThat(byValue("Revoked-1", Lock.NONE)).get().extracting(ReferralCode::storedStatus)
                .isEqualTo(CodeStatus.REVOKED);
        assertThat(byValue("Jane-Overdue", Lock.NONE)).get().extracting(ReferralCode::storedStatus)
                .isEqualTo(CodeStatus.ACTIVE);
        assertThat(writing(() -> stores.codes().expireOverdue(john.id(), NOW))).isZero();
    }

    @Test
    void expiringFollowsTheRuleAtTheInstantOfExpiry() {
        User john = user("john");
        code(john, "Summer-2026");
        Instant expiry = NOW.plus(Duration.ofDays(30));

        assertThat(writing(() -> stores.codes().expireOverdue(john.id(), expiry.minusSeconds(1)))).isZero();
        assertThat(writing(() -> stores.codes().expireOverdue(john.id(), expiry))).isEqualTo(1);
    }

    @Test
    void expiringIsSeenByLaterReadsInTheSameUnitOfWork() {
        User john = user("john");
        overdue(john, "Overdue-1");

        CodeStatus seen = writing(() -> {
            stores.codes().findByValue(new CodeValue("Overdue-1"), Lock.NONE);
            stores.codes().expireOverdue(john.id(), NOW);
            return stores.codes().findByValue(new CodeValue("Overdue-1"), Lock.NONE).orElseThrow().storedStatus();
        });

        assertThat(seen).isEqualTo(CodeStatus.EXPIRED);
    }

    @Test
    void activeCodeIsTheOneTheRuleCallsActiveByOwnerAndByOwnerEmail() {
        User john = user("john");
        ReferralCode code = codeAt(john, "Summer-2026", NOW, EXPIRY);

        for (Instant at : List.of(NOW, EXPIRY.minusSeconds(1), EXPIRY, EXPIRY.plusSeconds(1))) {
            Optional<ReferralCodeId> byRule =
                    CodeStatus.effective(code.storedStatus(), code.expiresAt(), at) == CodeStatus.ACTIVE
                            ? Optional.of(code.id()) : Optional.empty();
            assertThat(active(john, at).map(ReferralCode::id)).as("by owner at %s", at).isEqualTo(byRule);
            assertThat(activeByEmail(john, at).map(ReferralCode::id)).as("by email at %s", at).isEqualTo(byRule);
        }
        assertThat(active(john, EXPIRY)).isEmpty();
    }

    @Test
    void revokedCodeIsNotActive() {
        User john = user("john");
        revoked(code(john, "Summer-2026"), NOW);

        assertThat(active(john, NOW)).isEmpty();
        assertThat(activeByEmail(john, NOW)).isEmpty();
    }

    @Test
    void activeCodeByEmailIsOnlyThatOwnersCode() {
        code(user("john"), "John-1");
        User jane = user("jane");

        assertThat(activeByEmail(jane, NOW)).isEmpty();
        assertThat(read(() -> stores.codes().findActiveByOwnerEmail(new Email("nobody@example.com"), NOW))).isEmpty();
    }

    @Test
    void ownersCodesAreListedNewestFirstInPagesWithTheTotal() {
        User john = user("john");
        ReferralCode oldest = revoked(codeAt(john, "Oldest", NOW, EXPIRY), NOW);
        ReferralCode middle = revoked(codeAt(john, "Middle", NOW.plusSeconds(1), EXPIRY), NOW.plusSeconds(1));
        ReferralCode newest = codeAt(john, "Newest", NOW.plusSeconds(2), EXPIRY);
        code(user("jane"), "Jane-1");

        assertPagesOfTwo(request -> read(() -> stores.codes().listByOwner(john.id(), request)), ReferralCode::id,
                newest.id(), middle.id(), oldest.id());
    }

    @Test
    void ownerWithoutCodesHasAnEmptyList() {
        code(user("john"), "John-1");
        User jane = user("jane");

        Page<ReferralCode> page = read(() -> stores.codes().listByOwner(jane.id(), PageRequest.first()));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }
}
