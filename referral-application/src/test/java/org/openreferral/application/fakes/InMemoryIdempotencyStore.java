package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.out.IdempotencyEntry;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.integration.port.out.KeptAnswer;

/** In-memory idempotency keys, one entry per scope digest as the table's primary key holds them. */
public final class InMemoryIdempotencyStore implements IdempotencyStore, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private Map<String, IdempotencyEntry> entries = new HashMap<>();

    public InMemoryIdempotencyStore(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public synchronized boolean claim(IdempotencyEntry claim) {
        unitOfWork.requireWritable();
        return entries.putIfAbsent(claim.scopeDigest(), claim) == null;
    }

    @Override
    public synchronized boolean takeOver(IdempotencyEntry claim, Instant now) {
        unitOfWork.requireWritable();
        IdempotencyEntry found = entries.get(claim.scopeDigest());
        if (found == null || !(stale(found, now) || !found.expiresAt().isAfter(now))) {
            return false;
        }
        entries.put(claim.scopeDigest(), claim);
        return true;
    }

    private static boolean stale(IdempotencyEntry entry, Instant now) {
        return entry.state() == IdempotencyEntry.State.IN_FLIGHT && !entry.lockedUntil().isAfter(now);
    }

    @Override
    public synchronized Optional<IdempotencyEntry> find(String scopeDigest) {
        unitOfWork.requireActive();
        return Optional.ofNullable(entries.get(scopeDigest));
    }

    @Override
    public synchronized boolean complete(String scopeDigest, UUID claimId, KeptAnswer answer, Instant expiresAt) {
        unitOfWork.requireWritable();
        IdempotencyEntry found = entries.get(scopeDigest);
        if (found == null || !found.claimId().equals(claimId) || found.state() != IdempotencyEntry.State.IN_FLIGHT) {
            return false;
        }
        entries.put(scopeDigest, new IdempotencyEntry(scopeDigest, found.requestDigest(), claimId,
                IdempotencyEntry.State.COMPLETE, found.lockedUntil(), Optional.of(answer), found.createdAt(),
                expiresAt));
        return true;
    }

    @Override
    public synchronized boolean release(String scopeDigest, UUID claimId) {
        unitOfWork.requireWritable();
        IdempotencyEntry found = entries.get(scopeDigest);
        if (found == null || !found.claimId().equals(claimId)) {
            return false;
        }
        entries.remove(scopeDigest);
        return true;
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        unitOfWork.requireWritable();
        int before = entries.size();
        entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now)
                && (entry.state() == IdempotencyEntry.State.COMPLETE || !entry.lockedUntil().isAfter(now)));
        return before - entries.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = new HashMap<>((Map<String, IdempotencyEntry>) snapshot);
    }
}
