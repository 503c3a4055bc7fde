package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/**
 * In-memory codes with the indexes of the real table: unique lower(code) over all codes ever stored, and
 * at most one row whose stored status is ACTIVE per owner (the partial unique index).
 */
public final class InMemoryReferralCodeRepository implements ReferralCodeRepository, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private final InMemoryUserRepository users;
    private Map<ReferralCodeId, ReferralCode> codes = new LinkedHashMap<>();
    private final List<Lock> locks = new ArrayList<>();
    private int addAttempts;
    private int emailLookups;
    private Runnable afterEmailLookup = () -> { };

    public InMemoryReferralCodeRepository(FakeUnitOfWork unitOfWork, InMemoryUserRepository users) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        unitOfWork.enlist(this);
    }

    @Override
    public void add(ReferralCode code) {
        unitOfWork.requireWritable();
        addAttempts++;
        if (codes.values().stream().anyMatch(other -> other.value().sameAs(code.value()))) {
            throw CodeConflicts.codeTaken();
        }
        if (code.storedStatus() == CodeStatus.ACTIVE && codes.values().stream()
                .anyMatch(other -> other.owner().equals(code.owner()) && other.storedStatus() == CodeStatus.ACTIVE)) {
            throw CodeConflicts.activeCodeExists();
        }
        codes.put(code.id(), copy(code));
    }

    @Override
    public void update(ReferralCode code) {
        unitOfWork.requireWritable();
        if (!codes.containsKey(code.id())) {
            throw new IllegalStateException("no such code " + code.id());
        }
        codes.put(code.id(), copy(code));
    }

    @Override
    public int expireOverdue(UserId owner, Instant now) {
        unitOfWork.requireWritable();
        // Overdue: the effective status (the domain's rule) has moved on from the stored one.
        List<ReferralCode> overdue = codes.values().stream()
                .filter(code -> code.owner().equals(owner) && code.statusAt(now) != code.storedStatus())
                .toList();
        overdue.forEach(code -> codes.put(code.id(), ReferralCode.reconstitute(code.id(), code.value(), code.owner(),
                code.createdAt(), code.expiresAt(), CodeStatus.EXPIRED, null)));
        return overdue.size();
    }

    @Override
    public Optional<ReferralCode> findActive(UserId owner, Instant now) {
        unitOfWork.requireActive();
        return codes.values().stream()
                .filter(code -> code.owner().equals(owner) && code.isActiveAt(now))
                .findFirst()
                .map(InMemoryReferralCodeRepository::copy);
    }

    @Override
    public Optional<ReferralCode> findByValue(CodeValue value, Lock lock) {
        unitOfWork.requireActive();
        if (lock != Lock.NONE) {
            unitOfWork.requireWritable();
        }
        locks.add(lock);
        return codes.values().stream().filter(code -> code.value().sameAs(value)).findFirst()
                .map(InMemoryReferralCodeRepository::copy);
    }

    @Override
    public Page<ReferralCode> listByOwner(UserId owner, PageRequest page) {
        unitOfWork.requireActive();
        return Pages.of(ownedBy(owner), page);
    }

    @Override
    public Optional<ReferralCode> findActiveByOwnerEmail(Email ownerEmail, Instant now) {
        unitOfWork.requireActive();
        emailLookups++;
        Optional<ReferralCode> found = users.byEmail(ownerEmail)
                .flatMap(owner -> codes.values().stream()
                        .filter(code -> code.owner().equals(owner.id()) && code.isActiveAt(now))
                        .findFirst())
                .map(InMemoryReferralCodeRepository::copy);
        Runnable hook = afterEmailLookup;
        afterEmailLookup = () -> { };
        hook.run();
        return found;
    }

    /** The owner's codes, newest first. */
    List<ReferralCode> ownedBy(UserId owner) {
        return codes.values().stream()
                .filter(code -> code.owner().equals(owner))
                .sorted(Comparator.comparing(ReferralCode::createdAt).reversed())
                .map(InMemoryReferralCodeRepository::copy)
                .toList();
    }

    Optional<ReferralCode> byId(ReferralCodeId id) {
        return Optional.ofNullable(codes.get(id));
    }

    /** Runs {@code hook} once, right after the next lookup by email has read the store: a concurrent writer. */
    public void afterNextEmailLookup(Runnable hook) {
        this.afterEmailLookup = hook;
    }

    /** Test inspection: the locks asked for by {@link #findByValue}, in order. */
    public List<Lock> locks() {
        return List.copyOf(locks);
    }

    /** Test inspection: how many codes were offered to {@link #add}. */
    public int addAttempts() {
        return addAttempts;
    }

    /** Test inspection: how often the store was asked for an active code by email. */
    public int emailLookups() {
        return emailLookups;
    }

    /** Test inspection, outside any unit of work. */
    public int count() {
        return codes.size();
    }

    /** Test inspection, outside any unit of work. */
    public Optional<ReferralCode> stored(String value) {
        CodeValue wanted = new CodeValue(value);
        return codes.values().stream().filter(code -> code.value().sameAs(wanted)).findFirst()
                .map(InMemoryReferralCodeRepository::copy);
    }

    /** Test inspection, outside any unit of work. */
    public List<ReferralCode> storedFor(UserId owner) {
        return ownedBy(owner);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(codes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        codes = new LinkedHashMap<>((Map<ReferralCodeId, ReferralCode>) snapshot);
    }

    static ReferralCode copy(ReferralCode code) {
        return ReferralCode.reconstitute(code.id(), code.value(), code.owner(), code.createdAt(), code.expiresAt(),
                code.storedStatus(), code.revokedAt().orElse(null));
    }
}
