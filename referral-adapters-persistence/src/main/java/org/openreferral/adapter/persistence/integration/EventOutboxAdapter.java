package org.openreferral.adapter.persistence.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.integration.port.out.SequencedEvent;

/**
 * The outbox in the {@code events} table: events appended without a sequence, numbered by
 * {@link #sequencePending} under a transaction-scoped advisory lock, data stored as jsonb.
 */
@ApplicationScoped
public class EventOutboxAdapter implements EventOutbox {

    /** The advisory lock key of the sequencer: one instance numbers events at a time. */
    static final long SEQUENCER_LOCK = 0x6576656e74736571L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    private final EntityManager em;

    EventOutboxAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(OutboxEvent event) {
        em.createNativeQuery("insert into events (id, type, created_at, data, webhook_id)"
                        + " values (?1, ?2, ?3, cast(?4 as jsonb), ?5)")
                .setParameter(1, event.id())
                .setParameter(2, event.type().slug())
                .setParameter(3, event.createdAt())
                .setParameter(4, toJson(event.data()))
                .setParameter(5, event.webhookId().orElse(null))
                .executeUpdate();
    }

    @Override
    public int sequencePending(int limit) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SEQUENCER_LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        // A statement of its own, after the lock: its snapshot (READ COMMITTED) is taken once the previous holder
        // has committed, so it sees that holder's numbers and never numbers a row twice. The sorted, limited
        // subquery is not flattened, so nextval runs in (created_at, append_order) order: the events of one
        // transaction share created_at and keep the order they were appended in.
        return em.createNativeQuery("update events e set sequence = numbered.seq"
                        + " from (select id, nextval('events_sequence_seq') as seq from"
                        + " (select id from events where sequence is null order by created_at, append_order limit ?1) oldest)"
                        + " numbered where e.id = numbered.id and e.sequence is null")
                .setParameter(1, limit)
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SequencedEvent> after(long after, Set<EventType> types, int limit) {
        String typeFilter = types.isEmpty() ? "" : " and type in (?3)";
        Query query = em.createNativeQuery("select id, sequence, type, created_at, cast(data as text), webhook_id"
                        + " from events where sequence > ?1" + typeFilter + " order by sequence limit ?2")
                .setParameter(1, after)
                .setParameter(2, limit);
        if (!types.isEmpty()) {
            query.setParameter(3, types.stream().map(EventType::slug).toList());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(EventOutboxAdapter::toEvent).toList();
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return em.createNativeQuery("delete from events where created_at < ?1 and sequence is not null")
                .setParameter(1, cutoff)
                .executeUpdate();
    }

    private static SequencedEvent toEvent(Object[] row) {
        EventType type = EventType.ofSlug((String) row[2])
                .orElseThrow(() -> new IllegalStateException("unknown event type in the outbox: " + row[2]));
        return new SequencedEvent((UUID) row[0], ((Number) row[1]).longValue(), type, instant(row[3]),
                fromJson((String) row[4]), Optional.ofNullable((UUID) row[5]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static String toJson(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data in the outbox is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
