package org.openreferral.application.fakes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.openreferral.application.shared.UnitOfWork;

/**
 * A unit of work over the in-memory stores: it snapshots every enlisted store when work begins and
 * restores them when the work throws, so a rollback is observable. It also knows whether a transaction
 * is open, and whether it is read-only, so the fakes can refuse work done outside of one.
 */
public final class FakeUnitOfWork implements UnitOfWork {

    /** A store whose state can be saved and put back. */
    public interface Participant {
        Object snapshot();

        void restore(Object snapshot);
    }

    private final List<Participant> participants = new ArrayList<>();
    /** Open transactions, innermost first; {@code true} for a read-only one. */
    private final Deque<Boolean> open = new ArrayDeque<>();
    private int commits;
    private int reads;
    private int rollbacks;

    public void enlist(Participant participant) {
        participants.add(participant);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, false);
    }

    @Override
    public <T> T reading(Supplier<T> work) {
        return run(work, true);
    }

    /** Test setup: runs writes as if in a transaction, without counting it. */
    public void seed(Runnable work) {
        open.push(false);
        try {
            work.run();
        } finally {
            open.pop();
        }
    }

    private <T> T run(Supplier<T> work, boolean readOnly) {
        List<Object> snapshots = participants.stream().map(Participant::snapshot).toList();
        open.push(readOnly);
        try {
            T result = work.get();
            if (readOnly) {
                reads++;
            } else {
                commits++;
            }
            return result;
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < participants.size(); i++) {
                participants.get(i).restore(snapshots.get(i));
            }
            rollbacks++;
            throw e;
        } finally {
            open.pop();
        }
    }

    public boolean isActive() {
        return !open.isEmpty();
    }

    void requireActive() {
        if (open.isEmpty()) {
            throw new IllegalStateException("store used outside a unit of work");
        }
    }

    void requireWritable() {
        requireActive();
        if (open.peek()) {
            throw new IllegalStateException("write inside a read-only unit of work");
        }
    }

    public int commits() {
        return commits;
    }

    public int reads() {
        return reads;
    }

    public int rollbacks() {
        return rollbacks;
    }

    /** How many units of work were started, whatever their outcome. */
    public int started() {
        return commits + reads + rollbacks;
    }
}
