package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardReason;
import org.openreferral.domain.model.user.User;

/** Contract of {@code RewardLedger}: append-only, one entry per referral and beneficiary, balances and pages. */
public abstract class RewardLedgerContract extends RepositoryContract {

    private User john;
    private ReferralCode code;

    @BeforeEach
    void referrer() {
        john = user("john");
        code = code(john, "John-1");
    }

    private static RewardEntry credit(User user, int points, Referral referral) {
        RewardReason reason = user.id().equals(referral.referrer())
                ? RewardReason.REFERRAL_REFERRER : RewardReason.REFERRAL_REFEREE;
        return new RewardEntry(UUID.randomUUID(), user.id(), points, reason, referral.id(), referral.createdAt());
    }

    private void append(RewardEntry... entries) {
        write(() -> stores.ledger().append(List.of(entries)));
    }

    private long balance(User user) {
        return read(() -> stores.ledger().balance(user.id()));
    }

    private Page<RewardEntry> entries(User user) {
        return read(() -> stores.ledger().entries(user.id(), PageRequest.first()));
    }

    @Test
    void balanceIsTheSumOfTheUsersOwnPoints() {
        User jane = user("jane");
        Referral first = referral(code, jane, NOW);
        Referral second = referral(code, user("joe"), NOW.plusSeconds(1));
        append(credit(john, 10, first), credit(jane, 5, first));
        append(credit(john, 15, second));

        assertThat(balance(john)).isEqualTo(25);
        assertThat(balance(jane)).isEqualTo(5);
    }

    @Test
    void userWithoutEntriesHasNothing() {
        assertThat(balance(john)).isZero();
        assertThat(entries(john).items()).isEmpty();
        assertThat(entries(john).total()).isZero();
    }

    @Test
    void bothPartiesOfOneReferralAreCredited() {
        User jane = user("jane");
        Referral referral = referral(code, jane, NOW);

        append(credit(john, 10, referral), credit(jane, 5, referral));

        assertThat(balance(john)).isEqualTo(10);
        assertThat(balance(jane)).isEqualTo(5);
    }

    @Test
    void entriesReadBackNewestFirstInPagesWithTheTotal() {
        RewardEntry oldest = credit(john, 10, referral(code, user("first"), NOW));
        RewardEntry middle = credit(john, 10, referral(code, user("second"), NOW.plusSeconds(1)));
        RewardEntry newest = credit(john, 10, referral(code, user("third"), NOW.plusSeconds(2)));
        append(oldest, newest);
        append(middle);

        assertPagesOfTwo(request -> read(() -> stores.ledger().entries(john.id(), request)), entry -> entry,
                newest, middle, oldest);
    }

    @Test
    void referralCreditsEachBeneficiaryOnce() {
        Referral referral = referral(code, user("jane"), NOW);
        append(credit(john, 10, referral));

        assertRefused(() -> append(credit(john, 10, referral)));
        assertThat(balance(john)).isEqualTo(10);
    }

    @Test
    void refusedAppendKeepsNoneOfItsEntries() {
        User jane = user("jane");
        Referral referral = referral(code, jane, NOW);
        append(credit(john, 10, referral));

        assertRefused(() -> append(credit(jane, 5, referral), credit(john, 10, referral)));
        assertThat(balance(jane)).isZero();
        assertThat(entries(jane).total()).isZero();
    }

    @Test
    void entryWithoutPointsIsRefused() {
        Referral referral = referral(code, user("jane"), NOW);

        assertRefused(() -> append(credit(john, 0, referral)));
        assertThat(entries(john).total()).isZero();
    }

    private static RewardEntry reversal(User user, int points, Referral referral) {
        return new RewardEntry(UUID.randomUUID(), user.id(), points, RewardReason.REFERRAL_VOIDED, referral.id(),
                referral.createdAt().plusSeconds(60));
    }

    @Test
    void aCreditIsReversedOnceByANegativeEntry() {
        Referral referral = referral(code, user("jane"), NOW);
        append(credit(john, 10, referral));

        append(reversal(john, -10, referral));

        assertThat(balance(john)).isZero();
        assertRefused(() -> append(reversal(john, -10, referral)));
        assertThat(balance(john)).isZero();
    }

    @Test
    void onlyAReversalMayBeNegativeAndAReversalMustBe() {
        Referral referral = referral(code, user("jane"), NOW);

        assertRefused(() -> append(credit(john, -10, referral)));
        assertRefused(() -> append(reversal(john, 10, referral)));
        assertThat(entries(john).total()).isZero();
    }

    @Test
    void entriesOfAReferralAreItsOwnOldestFirst() {
        User jane = user("jane");
        Referral referral = referral(code, jane, NOW);
        Referral other = referral(code, user("joe"), NOW);
        RewardEntry credit = credit(john, 10, referral);
        RewardEntry refereeCredit = credit(jane, 5, referral);
        RewardEntry reversal = reversal(john, -10, referral);
        append(credit, refereeCredit, credit(john, 10, other));
        append(reversal);

        assertThat(read(() -> stores.ledger().entriesOf(referral.id())))
                .containsExactlyInAnyOrder(credit, refereeCredit, reversal)
                .last().isEqualTo(reversal);
    }

    @Test
    void cursorWalkReadsEveryEntryOnceInPageOrderAlsoWhenTimesTie() {
        for (int i = 0; i < 5; i++) {
            Referral referral = referral(code, user("tied" + i), NOW.plusSeconds(i % 2));
            append(credit(john, 10 + i, referral));
        }
        List<UUID> paged = entries(john).items().stream().map(RewardEntry::id).toList();

        for (int size : List.of(1, 2, 5)) {
            List<UUID> walked = new ArrayList<>();
            Slice<RewardEntry> run = read(() -> stores.ledger().entries(john.id(), CursorRequest.first(size)));
            walked.addAll(run.items().stream().map(RewardEntry::id).toList());
            while (run.next().isPresent()) {
                Position next = run.next().get();
                run = read(() -> stores.ledger().entries(john.id(), CursorRequest.after(next, size)));
                walked.addAll(run.items().stream().map(RewardEntry::id).toList());
            }
            assertThat(walked).as("runs of %d", size).containsExactlyElementsOf(paged);
        }
        assertThat(paged).hasSize(5).doesNotHaveDuplicates();
        assertThat(entries(john).items()).extracting(RewardLedger::positionOf).isSortedAccordingTo(
                Position.NEWEST_FIRST);
    }
}
