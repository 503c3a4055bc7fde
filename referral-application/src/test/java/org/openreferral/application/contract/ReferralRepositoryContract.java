package org.openreferral.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralRepository.CodeReferralCount;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralCounts;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.user.User;

/** Contract of {@code ReferralRepository}: a referee is referred once; listings and counts per referrer and code. */
public abstract class ReferralRepositoryContract extends RepositoryContract {

    private Page<ReferralRecord> byReferrer(User referrer) {
        return read(() -> stores.referrals().listByReferrer(referrer.id(), PageRequest.first()));
    }

    private Page<ReferralRecord> byCode(ReferralCode code, int page) {
        return read(() -> stores.referrals().listByCode(code.id(), new PageRequest(page, 10)));
    }

    private ReferralCounts counts(User referrer, Instant since7Days, Instant since30Days) {
        return read(() -> stores.referrals().counts(referrer.id(), since7Days, since30Days));
    }

    @Test
    void referralIsListedWithWhatTheListingShowsOfTheReferee() {
        User john = user("john");
        ReferralCode code = code(john, "Summer-2026");
        User jane = user("Jane.Doe");
        Referral referral = referral(code, jane, NOW.plusSeconds(5));

        assertThat(byReferrer(john).items()).extracting(ReferralRecord::id, ReferralRecord::refereeId,
                        ReferralRecord::refereeUsername, ReferralRecord::refereeEmail, ReferralRecord::code,
                        ReferralRecord::createdAt)
                .containsExactly(tuple(referral.id(), jane.id(), "Jane.Doe", jane.email(), "Summer-2026",
                        NOW.plusSeconds(5)));
        assertThat(byCode(code, 1).items()).extracting(ReferralRecord::id).containsExactly(referral.id());
    }

    @Test
    void refereeIsReferredOnceWhateverTheCode() {
        ReferralCode johns = code(user("john"), "John-1");
        ReferralCode anns = code(user("ann"), "Ann-1");
        User jane = user("jane");
        referral(johns, jane, NOW);

        assertConflict(() -> referral(anns, jane, NOW.plusSeconds(1)), "already-referred");
        assertThat(byCode(anns, 1).total()).isZero();
    }

    @Test
    void referrersReferralsAreListedNewestFirstInPagesWithTheTotal() {
        User john = user("john");
        ReferralCode code = code(john, "John-1");
        Referral oldest = referral(code, user("oldest"), NOW);
        Referral middle = referral(code, user("middle"), NOW.plusSeconds(1));
        Referral newest = referral(code, user("newest"), NOW.plusSeconds(2));
        referral(code(user("ann"), "Ann-1"), user("other"), NOW.plusSeconds(3));

        assertPagesOfTwo(request -> read(() -> stores.referrals().listByReferrer(john.id(), request)),
                ReferralRecord::id, newest.id(), middle.id(), oldest.id());
    }

    @Test
    void codesReferralsAreListedNewestFirstAndOnlyThatCodes() {
        User john = user("john");
        ReferralCode old = revokedCode(john, "Old-1");
        Referral withOld = referral(old, user("first"), NOW);
        ReferralCode current = code(john, "Current-1");
        Referral earlier = referral(current, user("second"), NOW.plusSeconds(1));
        Referral later = referral(current, user("third"), NOW.plusSeconds(2));

        Page<ReferralRecord> page = byCode(current, 1);

        assertThat(page.items()).extracting(ReferralRecord::id).containsExactly(later.id(), earlier.id());
        assertThat(page.total()).isEqualTo(2);
        assertThat(byCode(old, 1).items()).extracting(ReferralRecord::id).containsExactly(withOld.id());
        assertThat(byCode(current, 2).items()).isEmpty();
    }

    @Test
    void countByCodeLeavesOutCodesWithoutReferrals() {
        User john = user("john");
        ReferralCode old = revokedCode(john, "Old-1");
        ReferralCode current = code(john, "Current-1");
        ReferralCode janes = code(user("jane"), "Jane-1");
        referral(current, user("first"), NOW);
        referral(current, user("second"), NOW);
        referral(janes, user("third"), NOW);

        assertThat(read(() -> stores.referrals().countByCode(List.of(old.id(), current.id()))))
                .containsExactlyEntriesOf(Map.of(current.id(), 2L));
        assertThat(read(() -> stores.referrals().countByCode(List.of()))).isEmpty();
        assertThat(read(() -> stores.referrals().countByCode(List.of(ReferralCodeId.newId())))).isEmpty();
    }

    @Test
    void countsIncludeReferralsMadeAtTheStartOfEachWindow() {
        User john = user("john");
        ReferralCode code = codeAt(john, "John-1", NOW.minus(Duration.ofDays(60)), NOW.plus(Duration.ofDays(1)));
        Instant since30Days = NOW.minus(Duration.ofDays(30));
        Instant since7Days = NOW.minus(Duration.ofDays(7));
        referral(code, user("before30"), since30Days.minusSeconds(1));
        referral(code, user("at30"), since30Days);
        referral(code, user("before7"), since7Days.minusSeconds(1));
        referral(code, user("at7"), since7Days);
        referral(code, user("now"), NOW);

        assertThat(counts(john, since7Days, since30Days)).isEqualTo(new ReferralCounts(5, 2, 4));
    }

    @Test
    void countsAreTheReferrersOwn() {
        User john = user("john");
        code(john, "John-1");
        referral(code(user("jane"), "Jane-1"), user("other"), NOW);

        assertThat(counts(john, NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(30))))
                .isEqualTo(new ReferralCounts(0, 0, 0));
    }

    @Test
    void countsPerCodeCoverEveryOwnedCodeNewestFirstWithItsStoredState() {
        User john = user("john");
        ReferralCode revoked = revokedCode(john, "Revoked-1");
        referral(revoked, user("first"), NOW);
        ReferralCode current = codeAt(john, "Current-1", NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)));
        code(user("jane"), "Jane-1");

        List<CodeReferralCount> counts = read(() -> stores.referrals().countsPerCode(john.id()));

        assertThat(counts).containsExactly(
                new CodeReferralCount("Current-1", CodeStatus.ACTIVE, current.expiresAt(), 0),
                new CodeReferralCount("Revoked-1", CodeStatus.REVOKED, revoked.expiresAt(), 1));
    }

    @Test
    void countsPerCodeReadThroughTheRuleShowTheStatusNow() {
        User john = user("john");
        ReferralCode code = codeAt(john, "Summer-2026", NOW, NOW.plus(Duration.ofDays(1)));
        Instant expiry = code.expiresAt();

        List<CodeReferralCount> counts = read(() -> stores.referrals().countsPerCode(john.id()));

        assertThat(counts).extracting(count -> count.statusAt(expiry.minusSeconds(1)), count -> count.statusAt(expiry))
                .containsExactly(tuple(code.statusAt(expiry.minusSeconds(1)), code.statusAt(expiry)));
        assertThat(code.statusAt(expiry)).isEqualTo(CodeStatus.EXPIRED);
    }

    /** Every referral a cursor walk reads with runs of {@code size}, checking that only the last run has no next. */
    private List<ReferralRecord> walk(Function<CursorRequest, Slice<ReferralRecord>> listing, int size) {
        List<ReferralRecord> seen = new ArrayList<>();
        Slice<ReferralRecord> slice = read(() -> listing.apply(CursorRequest.first(size)));
        seen.addAll(slice.items());
        while (slice.next().isPresent()) {
            assertThat(slice.items()).as("a run with a next is full").hasSize(size);
            Position next = slice.next().get();
            slice = read(() -> listing.apply(CursorRequest.after(next, size)));
            seen.addAll(slice.items());
        }
        return seen;
    }

    @Test
    void cursorWalkReadsEveryReferralOnceInListOrderAlsoWhenCreationTimesTie() {
        User john = user("john");
        ReferralCode code = code(john, "John-1");
        for (int i = 0; i < 7; i++) {
            referral(code, user("tied" + i), NOW.plusSeconds(i % 3));
        }
        referral(code(user("ann"), "Ann-1"), user("other"), NOW.plusSeconds(1));
        List<ReferralId> listed = byReferrer(john).items().stream().map(ReferralRecord::id).toList();

        for (int size : List.of(1, 2, 3, 7, 10)) {
            assertThat(walk(cursor -> stores.referrals().listByReferrer(john.id(), cursor), size))
                    .as("runs of %d", size).extracting(ReferralRecord::id).containsExactlyElementsOf(listed);
        }
        assertThat(listed).hasSize(7).doesNotHaveDuplicates();
        assertThat(byReferrer(john).items()).extracting(ReferralRecord::position).isSortedAccordingTo(
                Position.NEWEST_FIRST);
    }

    @Test
    void cursorWalkOfACodeReadsOnlyThatCodesReferrals() {
        User john = user("john");
        ReferralCode old = revokedCode(john, "Old-1");
        referral(old, user("first"), NOW);
        ReferralCode current = code(john, "Current-1");
        Referral earlier = referral(current, user("second"), NOW);
        Referral later = referral(current, user("third"), NOW.plusSeconds(1));
        Referral tied = referral(current, user("fourth"), NOW);

        List<ReferralRecord> walked = walk(cursor -> stores.referrals().listByCode(current.id(), cursor), 1);

        assertThat(walked).extracting(ReferralRecord::id).hasSize(3).first().isEqualTo(later.id());
        assertThat(walked).extracting(ReferralRecord::id).containsExactlyInAnyOrder(earlier.id(), later.id(),
                tied.id());
        assertThat(walked).extracting(ReferralRecord::id).containsExactlyElementsOf(
                byCode(current, 1).items().stream().map(ReferralRecord::id).toList());
    }

    @Test
    void aRunEndsTheListWhenNothingFollowsItsLastItem() {
        User john = user("john");
        ReferralCode code = code(john, "John-1");
        Referral older = referral(code, user("older"), NOW);
        Referral newer = referral(code, user("newer"), NOW.plusSeconds(1));

        Slice<ReferralRecord> exact = read(() -> stores.referrals().listByReferrer(john.id(), CursorRequest.first(2)));
        Slice<ReferralRecord> shorter = read(() -> stores.referrals().listByReferrer(john.id(), CursorRequest.first(1)));

        assertThat(exact.items()).extracting(ReferralRecord::id).containsExactly(newer.id(), older.id());
        assertThat(exact.next()).isEmpty();
        assertThat(shorter.next()).contains(new Position(NOW.plusSeconds(1), newer.id().value()));
        assertThat(read(() -> stores.referrals().listByReferrer(user("nobody").id(), CursorRequest.first(5))).items())
                .isEmpty();
    }

    @Test
    void aRunStartsRightAfterAnyPositionEvenOneNoReferralHas() {
        User john = user("john");
        ReferralCode code = code(john, "John-1");
        Referral older = referral(code, user("older"), NOW);
        referral(code, user("newer"), NOW.plusSeconds(2));

        Slice<ReferralRecord> run = read(() -> stores.referrals().listByReferrer(john.id(),
                CursorRequest.after(new Position(NOW.plusSeconds(1), UUID.randomUUID()), 10)));

        assertThat(run.items()).extracting(ReferralRecord::id).containsExactly(older.id());
        assertThat(run.next()).isEmpty();
    }

    @Test
    void countsAddWholeDaysToTheRestOfTheDayEachWindowStartsIn() {
        User john = user("john");
        ReferralCode code = codeAt(john, "John-1", NOW.minus(Duration.ofDays(60)), NOW.plus(Duration.ofDays(1)));
        Instant since7Days = NOW.minus(Duration.ofDays(7));
        Instant since30Days = NOW.minus(Duration.ofDays(30));
        Instant startOfDay7 = since7Days.truncatedTo(ChronoUnit.DAYS);
        referral(code, user("sameDayBefore"), startOfDay7);
        referral(code, user("sameDayAfter"), startOfDay7.plus(Duration.ofHours(23)).plusSeconds(3599));
        referral(code, user("nextDay"), startOfDay7.plus(Duration.ofDays(1)));
        referral(code, user("middle"), NOW.minus(Duration.ofDays(15)));
        referral(code, user("dayBefore30"), since30Days.minus(Duration.ofDays(1)));
        referral(code, user("today"), NOW.minusSeconds(1));

        assertThat(counts(john, since7Days, since30Days)).isEqualTo(new ReferralCounts(6, 3, 5));
    }

    /** A stored code of {@code owner}, issued a day before {@link #NOW} and revoked then. */
    private ReferralCode revokedCode(User owner, String value) {
        Instant then = NOW.minus(Duration.ofDays(1));
        ReferralCode code = issued(owner, value, then, NOW.plus(Duration.ofDays(30)));
        code.revoke(then);
        write(() -> stores.codes().add(code));
        return code;
    }
}
