package org.openreferral.application.fakes;

import java.util.OptionalLong;
import org.openreferral.application.integration.port.out.WebhookDispatchCursor;

/** The dispatch cursor in memory; {@link #holdElsewhere} plays another instance holding its lock. */
public final class InMemoryWebhookDispatchCursor implements WebhookDispatchCursor, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private long position;
    private boolean heldElsewhere;

    public InMemoryWebhookDispatchCursor(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    public void holdElsewhere(boolean held) {
        this.heldElsewhere = held;
    }

    public long position() {
        return position;
    }

    @Override
    public OptionalLong tryLock() {
        unitOfWork.requireWritable();
        return heldElsewhere ? OptionalLong.empty() : OptionalLong.of(position);
    }

    @Override
    public void moveTo(long sequence) {
        unitOfWork.requireWritable();
        position = sequence;
    }

    @Override
    public Object snapshot() {
        return position;
    }

    @Override
    public void restore(Object snapshot) {
        position = (Long) snapshot;
    }
}
