package org.openreferral.application.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardReason;
import org.openreferral.domain.model.user.UserId;

/**
 * In-memory append-only ledger with the unique (referral, user, reason) index and the points check of the real
 * table (positive, negative only for a reversal); can be told to fail once.
 */
public final class InMemoryRewardLedger implements RewardLedger, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private List<RewardEntry> entries = new ArrayList<>();
    private RuntimeException nextFailure;

    public InMemoryRewardLedger(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public void append(List<RewardEntry> newEntries) {
        unitOfWork.requireWritable();
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        for (RewardEntry entry : newEntries) {
            boolean reversal = entry.reason() == RewardReason.REFERRAL_VOIDED;
            if (entry.points() == 0 || reversal != entry.points() < 0) {
                throw new IllegalStateException("no " + entry.reason() + " entry of " + entry.points() + " points");
            }
            if (entries.stream().anyMatch(e -> e.user().equals(entry.user()) && e.referral().equals(entry.referral())
                    && e.reason() == entry.reason())) {
                throw new IllegalStateException("ledger already has " + entry.reason() + " of " + entry.user()
                        + " for " + entry.referral());
            }
            entries.add(entry);
        }
    }

    @Override
    public long balance(UserId user) {
        unitOfWork.requireActive();
        return entries.stream().filter(e -> e.user().equals(user)).mapToLong(RewardEntry::points).sum();
    }

    @Override
    public Page<RewardEntry> entries(UserId user, PageRequest page) {
        unitOfWork.requireActive();
        return Pages.of(newestFirst(user), page);
    }

    @Override
    public Slice<RewardEntry> entries(UserId user, CursorRequest cursor) {
        unitOfWork.requireActive();
        return Slice.of(newestFirst(user).stream()
                .filter(entry -> cursor.after().map(after -> after.precedes(RewardLedger.positionOf(entry)))
                        .orElse(true))
                .limit(cursor.lookahead())
                .toList(), cursor, RewardLedger::positionOf);
    }

    private List<RewardEntry> newestFirst(UserId user) {
        return entries.stream().filter(e -> e.user().equals(user))
                .sorted(Comparator.comparing(RewardLedger::positionOf, Position.NEWEST_FIRST)).toList();
    }

    @Override
    public List<RewardEntry> entriesOf(ReferralId referral) {
        unitOfWork.requireActive();
        return entries.stream().filter(e -> e.referral().equals(referral))
                .sorted(Comparator.comparing(RewardEntry::createdAt)).toList();
    }

    /** Makes the next {@link #append} throw, as a failing database would. */
    public void failNextAppend(RuntimeException failure) {
        this.nextFailure = failure;
    }

    /** Test inspection, outside any unit of work. */
    public List<RewardEntry> stored() {
        return List.copyOf(entries);
    }

    @Override
    public Object snapshot() {
        return new ArrayList<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        entries = new ArrayList<>((List<RewardEntry>) snapshot);
    }
}
