package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/** In-memory referrals with the unique index on the referee, and the read side joined with users and codes. */
public final class InMemoryReferralRepository implements ReferralRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private final InMemoryUserRepository users;
    private final InMemoryReferralCodeRepository codes;
    private Map<ReferralId, Referral> referrals = new LinkedHashMap<>();

    public InMemoryReferralRepository(FakeUnitOfWork unitOfWork, InMemoryUserRepository users,
                                      InMemoryReferralCodeRepository codes) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.codes = codes;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(Referral referral) {
        unitOfWork.requireWritable();
        if (referrals.values().stream().anyMatch(other -> other.referee().equals(referral.referee()))) {
            throw CodeConflicts.alreadyReferred();
        }
        referrals.put(referral.id(), referral);
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
    public Map<ReferralCodeId, Long> countByCode(Collection<ReferralCodeId> wanted) {
        unitOfWork.requireActive();
        Map<ReferralCodeId, Long> counts = new HashMap<>();
        referrals.values().stream().filter(referral -> wanted.contains(referral.code()))
                .forEach(referral -> counts.merge(referral.code(), 1L, Long::sum));
        return counts;
    }

    @Override
    public ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days) {
        unitOfWork.requireActive();
        List<Referral> mine = referrals.values().stream().filter(r -> r.referrer().equals(referrer)).toList();
        return new ReferralCounts(mine.size(),
                mine.stream().filter(r -> !r.createdAt().isBefore(since7Days)).count(),
                mine.stream().filter(r -> !r.createdAt().isBefore(since30Days)).count());
    }

    @Override
    public List<CodeReferralCount> countsPerCode(UserId referrer) {
        unitOfWork.requireActive();
        return codes.ownedBy(referrer).stream()
                .map(code -> new CodeReferralCount(code.value().value(), code.storedStatus(), code.expiresAt(),
                        referrals.values().stream().filter(r -> r.code().equals(code.id())).count()))
                .toList();
    }

    private List<ReferralRecord> records(Predicate<Referral> which) {
        return referrals.values().stream()
                .filter(which)
                .sorted(Comparator.comparing(Referral::createdAt).reversed())
                .map(this::record)
                .toList();
    }

    private ReferralRecord record(Referral referral) {
        User referee = users.stored(referral.referee()).orElseThrow();
        ReferralCode code = codes.byId(referral.code()).orElseThrow();
        return new ReferralRecord(referral.id(), referee.id(), referee.username().value(), referee.email(),
                code.value().value(), referral.createdAt());
    }

    /** Test inspection, outside any unit of work. */
    public int count() {
        return referrals.size();
    }

    /** Test inspection, outside any unit of work. */
    public List<Referral> stored() {
        return List.copyOf(referrals.values());
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(referrals);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        referrals = new LinkedHashMap<>((Map<ReferralId, Referral>) snapshot);
    }
}
