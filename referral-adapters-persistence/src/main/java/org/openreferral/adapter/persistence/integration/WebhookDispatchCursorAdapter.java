package org.openreferral.adapter.persistence.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.OptionalLong;
import org.openreferral.application.integration.port.out.WebhookDispatchCursor;

/** The dispatch cursor: one row, taken with {@code FOR UPDATE SKIP LOCKED} so a second dispatcher skips its turn. */
@ApplicationScoped
public class WebhookDispatchCursorAdapter implements WebhookDispatchCursor {

    private final EntityManager em;

    WebhookDispatchCursorAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public OptionalLong tryLock() {
        List<?> row = em.createNativeQuery("select last_sequence from webhook_dispatch_cursor where id = 1"
                + " for update skip locked").getResultList();
        if (!row.isEmpty()) {
            return OptionalLong.of(((Number) row.get(0)).longValue());
        }
        // No row at all (a table emptied by hand): start again from the beginning; the next turn locks it.
        em.createNativeQuery("insert into webhook_dispatch_cursor (id, last_sequence) values (1, 0)"
                + " on conflict (id) do nothing").executeUpdate();
        return OptionalLong.empty();
    }

    @Override
    public void moveTo(long sequence) {
        em.createNativeQuery("update webhook_dispatch_cursor set last_sequence = ?1 where id = 1")
                .setParameter(1, sequence).executeUpdate();
    }
}
