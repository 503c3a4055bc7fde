package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/**
 * In-memory referrals with the unique indexes on the referee and the canonical mailbox, and the read side joined
 * with users and codes. Rows are copies, as a database's are: a change is stored only by {@link #update}.
 * Single-threaded: its locks are no-ops, recorded for tests.
 */
public final class InMemoryReferralRepository implements ReferralRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private final InMemoryUserRepository users;
    private final InMemoryReferralCodeRepository codes;
    private Map<ReferralId, Row> rows = new LinkedHashMap<>();
    private final List<UserId> rewardLocks = new ArrayList<>();

    /** A stored referral and where it came from. */
    private record Row(Referral referral, Origin origin) {
    }

    public InMemoryReferralRepository(FakeUnitOfWork unitOfWork, InMemoryUserRepository users,
                                      InMemoryReferralCodeRepository codes) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.codes = codes;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(Referral referral, Origin origin) {
        unitOfWork.requireWritable();
        if (all().anyMatch(other -> other.referee().equals(referral.referee()))) {
            throw CodeConflicts.alreadyReferred();
        }
        String mailbox = origin.refereeEmail().canonical();
        if (rows.values().stream().anyMatch(row -> row.origin().refereeEmail().canonical().equals(mailbox))) {
            throw Referral.mailboxAlreadyReferred();
        }
        rows.put(referral.id(), new Row(copy(referral), origin));
    }

    @Override
    public void update(Referral referral) {
        unitOfWork.requireWritable();
        Row row = rows.get(referral.id());
        if (row == null) {
            throw new IllegalStateException("no referral " + referral.id() + " to update");
        }
        rows.put(referral.id(), new Row(copy(referral), row.origin()));
    }

    @Override
    public Optional<Referral> lockById(ReferralId id) {
        unitOfWork.requireWritable();
        return Optional.ofNullable(rows.get(id)).map(row -> copy(row.referral()));
    }

    @Override
    public Optional<Referral> lockByReferee(UserId referee) {
        unitOfWork.requireWritable();
        return all().filter(referral -> referral.referee().equals(referee)).findFirst().map(InMemoryReferralRepository::copy);
    }

    @Override
    public List<Referral> claimQualified(Instant qualifiedBy, int limit) {
        unitOfWork.requireWritable();
        return all().filter(referral -> referral.status() == ReferralStatus.QUALIFIED)
                .filter(referral -> !referral.qualifiedAt().orElseThrow().isAfter(qualifiedBy))
                .sorted(Comparator.comparing(referral -> referral.qualifiedAt().orElseThrow()))
                .limit(limit)
                .map(InMemoryReferralRepository::copy)
                .toList();
    }

    @Override
    public void lockRewardsOf(UserId referrer) {
        unitOfWork.requireWritable();
        rewardLocks.add(referrer);
    }

    @Override
    public boolean mailboxReferred(Email refereeEmail) {
        unitOfWork.requireActive();
        return rows.values().stream()
                .anyMatch(row -> row.origin().refereeEmail().canonical().equals(refereeEmail.canonical()));
    }

    @Override
    public long countFromNetwork(UserId referrer, String clientNetwork, Instant since) {
        unitOfWork.requireActive();
        return rows.values().stream()
                .filter(row -> row.referral().referrer().equals(referrer))
                .filter(row -> row.origin().clientNetwork().filter(clientNetwork::equals).isPresent())
                .filter(row -> !row.referral().createdAt().isBefore(since))
                .count();
    }

    @Override
    public long countCredited(UserId referrer, Optional<Instant> since) {
        unitOfWork.requireActive();
        return all().filter(referral -> referral.referrer().equals(referrer))
                .filter(referral -> referral.status() == ReferralStatus.REWARDED && referral.points() > 0)
                .filter(referral -> since.map(start -> !referral.rewardedAt().orElseThrow().isBefore(start)).orElse(true))
                .count();
    }

    @Override
    public Optional<ReferralRecord> record(ReferralId id) {
        unitOfWork.requireActive();
        return Optional.ofNullable(rows.get(id)).map(row -> record(row.referral()));
    }

    @Override
    public Page<ReferralRecord> list(Filter filter, PageRequest page) {
        unitOfWork.requireActive();
        return Pages.of(records(filter::matches), page);
    }

    @Override
    public Page<ReferralRecord> listByReferrer(UserId referrer, PageRequest page) {
        unitOfWork.requireActive();
        return Pages.of(records(referral -> referral.referrer().equals(referrer)), page);
    }

    @Override
    public Page<ReferralRecord> listByCode(ReferralCodeId code, PageRequest page) {
        unitOfWork.requireActive();
        return Pages.of(records(referral -> referral.code().equals(code)), page);
    }

    @Override
    public Slice<ReferralRecord> listByReferrer(UserId referrer, CursorRequest cursor) {
        unitOfWork.requireActive();
        return slice(referral -> referral.referrer().equals(referrer), cursor);
    }

    @Override
    public Slice<ReferralRecord> listByCode(ReferralCodeId code, CursorRequest cursor) {
        unitOfWork.requireActive();
        return slice(referral -> referral.code().equals(code), cursor);
    }

    private Slice<ReferralRecord> slice(Predicate<Referral> which, CursorRequest cursor) {
        List<ReferralRecord> after = records(which).stream()
                .filter(record -> cursor.after().map(position -> position.precedes(record.position())).orElse(true))
                .limit(cursor.lookahead())
                .toList();
        return Slice.of(after, cursor, ReferralRecord::position);
    }

    @Override
    public Map<ReferralCodeId, Long> countByCode(Collection<ReferralCodeId> wanted) {
        unitOfWork.requireActive();
        Map<ReferralCodeId, Long> counts = new HashMap<>();
        all().filter(referral -> wanted.contains(referral.code()))
                .forEach(referral -> counts.merge(referral.code(), 1L, Long::sum));
        return counts;
    }

    @Override
    public ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days) {
        unitOfWork.requireActive();
        List<Referral> mine = all().filter(r -> r.referrer().equals(referrer)).toList();
        return new ReferralCounts(mine.size(),
                mine.stream().filter(r -> !r.createdAt().isBefore(since7Days)).count(),
                mine.stream().filter(r -> !r.createdAt().isBefore(since30Days)).count());
    }

    @Override
    public Map<ReferralStatus, Long> countByStatus(UserId referrer) {
        unitOfWork.requireActive();
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        all().filter(r -> r.referrer().equals(referrer)).forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public List<CodeReferralCount> countsPerCode(UserId referrer) {
        unitOfWork.requireActive();
        return codes.ownedBy(referrer).stream()
                .map(code -> new CodeReferralCount(code.value().value(), code.storedStatus(), code.expiresAt(),
                        all().filter(r -> r.code().equals(code.id())).count()))
                .toList();
    }

    private java.util.stream.Stream<Referral> all() {
        return rows.values().stream().map(Row::referral);
    }

    private List<ReferralRecord> records(Predicate<Referral> which) {
        return all().filter(which)
                .map(this::record)
                .sorted(Comparator.comparing(ReferralRecord::position, Position.NEWEST_FIRST))
                .toList();
    }

    private ReferralRecord record(Referral referral) {
        User referee = users.stored(referral.referee()).orElseThrow();
        ReferralCode code = codes.byId(referral.code()).orElseThrow();
        return new ReferralRecord(copy(referral), referee.username().value(), referee.email(), code.value().value());
    }

    private static Referral copy(Referral r) {
        return Referral.reconstitute(r.id(), r.referrer(), r.referee(), r.code(), r.createdAt(), r.status(),
                r.statusReason().orElse(null), r.points(), r.externalId().orElse(null), r.qualifiedAt().orElse(null),
                r.rewardedAt().orElse(null), r.voidedAt().orElse(null));
    }

    /** Test inspection, outside any unit of work. */
    public int count() {
        return rows.size();
    }

    /** Test inspection, outside any unit of work: copies of the stored referrals. */
    public List<Referral> stored() {
        return all().map(InMemoryReferralRepository::copy).toList();
    }

    /** Test inspection, outside any unit of work: the stored referral with this id. */
    public Referral stored(ReferralId id) {
        return copy(rows.get(id).referral());
    }

    /** Test inspection: the referrers whose reward lock was taken, in order. */
    public List<UserId> rewardLocks() {
        return List.copyOf(rewardLocks);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<ReferralId, Row>) snapshot);
    }
}
