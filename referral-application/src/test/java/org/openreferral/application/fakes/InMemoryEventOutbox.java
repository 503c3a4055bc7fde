package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.integration.port.out.SequencedEvent;

/**
 * An in-memory outbox: appended events roll back with the unit of work, and the sequencer numbers them by
 * createdAt, then in the order they were appended, as the real one does. The service tests read {@link #appended()} to assert what a use
 * case emitted.
 */
public final class InMemoryEventOutbox implements EventOutbox, FakeUnitOfWork.Participant {

    private final FakeUnitOfWork unitOfWork;
    private List<Row> rows = new ArrayList<>();
    private long lastSequence;

    public InMemoryEventOutbox(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        unitOfWork.enlist(this);
    }

    private record Row(OutboxEvent event, Long sequence) {
    }

    @Override
    public void append(OutboxEvent event) {
        unitOfWork.requireWritable();
        if (rows.stream().anyMatch(row -> row.event().id().equals(event.id()))) {
            throw new IllegalStateException("duplicate event " + event.id());
        }
        rows.add(new Row(event, null));
    }

    @Override
    public int sequencePending(int limit) {
        unitOfWork.requireWritable();
        List<Row> oldest = rows.stream().filter(row -> row.sequence() == null)
                // A stable sort of rows kept in append order: equal times stay in the order they were appended.
                .sorted(Comparator.comparing((Row row) -> row.event().createdAt()))
                .limit(limit)
                .toList();
        List<Row> numbered = new ArrayList<>(rows);
        for (Row row : oldest) {
            numbered.set(numbered.indexOf(row), new Row(row.event(), ++lastSequence));
        }
        rows = numbered;
        return oldest.size();
    }

    @Override
    public List<SequencedEvent> after(long after, Set<EventType> types, int limit) {
        unitOfWork.requireActive();
        return rows.stream()
                .filter(row -> row.sequence() != null && row.sequence() > after)
                .filter(row -> types.isEmpty() || types.contains(row.event().type()))
                .sorted(Comparator.comparing(Row::sequence))
                .limit(limit)
                .map(row -> new SequencedEvent(row.event().id(), row.sequence(), row.event().type(),
                        row.event().createdAt(), row.event().data(), row.event().webhookId()))
                .toList();
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        unitOfWork.requireWritable();
        int before = rows.size();
        rows = new ArrayList<>(rows.stream()
                .filter(row -> row.sequence() == null || !row.event().createdAt().isBefore(cutoff)).toList());
        return before - rows.size();
    }

    /** Every event appended by committed work, in the order it was appended. */
    public List<OutboxEvent> appended() {
        return rows.stream().map(Row::event).toList();
    }

    /** The committed events of {@code type}, in the order they were appended. */
    public List<OutboxEvent> appended(EventType type) {
        return appended().stream().filter(event -> event.type() == type).toList();
    }

    @Override
    public Object snapshot() {
        return new ArrayList<>(rows);
    }

    // The sequence counter is not restored: like a PostgreSQL sequence, a number is never handed out twice.
    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new ArrayList<>((List<Row>) snapshot);
    }
}
