package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openreferral.application.account.port.out.LoginThrottle;
import org.openreferral.application.account.port.out.LoginThrottleStore;

/** In-memory lockout buckets, one per name as the table's primary key holds them; expired ones read as empty. */
public final class InMemoryLoginThrottleStore implements LoginThrottleStore, FakeUnitOfWork.Participant {

    private record Row(String account, LoginThrottle state) {
    }

    private final FakeUnitOfWork unitOfWork;
    private Map<String, Row> rows = new HashMap<>();

    public InMemoryLoginThrottleStore(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    @Override
    public synchronized LoginThrottle acquire(String bucket, String account, Instant now) {
        unitOfWork.requireWritable();
        Row row = rows.get(bucket);
        return row == null || !now.isBefore(row.state().expiresAt()) ? LoginThrottle.none(now) : row.state();
    }

    @Override
    public synchronized void save(String bucket, String account, LoginThrottle state) {
        unitOfWork.requireWritable();
        rows.put(bucket, new Row(account, state));
    }

    @Override
    public synchronized void remove(String bucket) {
        unitOfWork.requireWritable();
        rows.remove(bucket);
    }

    @Override
    public synchronized void removeAccount(String account) {
        unitOfWork.requireWritable();
        rows.values().removeIf(row -> row.account().equals(account));
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        unitOfWork.requireWritable();
        int deleted = 0;
        var iterator = rows.values().iterator();
        while (iterator.hasNext() && deleted < limit) {
            if (!now.isBefore(iterator.next().state().expiresAt())) {
                iterator.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** How many buckets are stored, expired ones included. */
    public synchronized int size() {
        return rows.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = new HashMap<>((Map<String, Row>) snapshot);
    }
}
