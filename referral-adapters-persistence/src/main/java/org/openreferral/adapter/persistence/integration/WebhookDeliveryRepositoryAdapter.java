package org.openreferral.adapter.persistence.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.DeliveryStatus;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookId;

/**
 * Delivery attempts in PostgreSQL. Claims take the due rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * workers split them instead of waiting, and mark them with the claim and its lease in the same transaction.
 */
@ApplicationScoped
public class WebhookDeliveryRepositoryAdapter implements WebhookDeliveryRepository {

    private final EntityManager em;

    WebhookDeliveryRepositoryAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(WebhookDelivery delivery) {
        if (delivery.status() != DeliveryStatus.PENDING) {
            throw new IllegalArgumentException("attempts are added before they are made");
        }
        em.createNativeQuery("insert into webhook_deliveries (id, endpoint_id, event_id, event_type, attempt, status,"
                        + " payload, created_at, next_attempt_at) values (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?7, ?8)"
                        + " on conflict (endpoint_id, event_id, attempt) do nothing")
                .setParameter(1, delivery.id())
                .setParameter(2, delivery.endpoint().value())
                .setParameter(3, delivery.eventId())
                .setParameter(4, delivery.eventType())
                .setParameter(5, delivery.attempt())
                .setParameter(6, delivery.payload())
                .setParameter(7, delivery.createdAt())
                .setParameter(8, delivery.nextAttemptAt().orElseThrow())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> claimDue(Instant now, UUID claim, Instant leaseUntil, int limit) {
        List<WebhookDeliveryJpaEntity> due = em.createNativeQuery("select d.* from webhook_deliveries d"
                        + " join webhook_endpoints e on e.id = d.endpoint_id"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= ?1 and e.enabled"
                        + " and (d.claim_expires_at is null or d.claim_expires_at <= ?1)"
                        + " order by d.next_attempt_at, d.id limit ?2 for update of d skip locked",
                        WebhookDeliveryJpaEntity.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        for (WebhookDeliveryJpaEntity row : due) {
            row.claimOwner = claim;
            row.claimExpiresAt = leaseUntil;
        }
        em.flush();
        return due.stream().map(WebhookDeliveryRepositoryAdapter::toDomain).toList();
    }

    @Override
    public Optional<WebhookDelivery> lockClaimed(UUID id, UUID claim) {
        return Optional.ofNullable(em.find(WebhookDeliveryJpaEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(row -> row.status.equals(DeliveryStatus.PENDING.name()) && claim.equals(row.claimOwner))
                .map(WebhookDeliveryRepositoryAdapter::toDomain);
    }

    @Override
    public void update(WebhookDelivery delivery) {
        WebhookDeliveryJpaEntity row = em.find(WebhookDeliveryJpaEntity.class, delivery.id());
        if (row == null) {
            return;
        }
        row.status = delivery.status().name();
        row.responseStatus = delivery.responseStatus().orElse(null);
        row.durationMs = delivery.durationMs().orElse(null);
        row.nextAttemptAt = delivery.nextAttemptAt().orElse(null);
        row.finishedAt = delivery.finishedAt().orElse(null);
        row.claimOwner = null;
        row.claimExpiresAt = null;
        em.flush();
    }

    @Override
    public Page<WebhookDelivery> listFor(WebhookId endpoint, PageRequest page) {
        List<WebhookDelivery> items = em.createQuery("select d from WebhookDeliveryJpaEntity d"
                        + " where d.endpointId = :endpoint order by d.createdAt desc, d.attempt desc, d.id",
                        WebhookDeliveryJpaEntity.class)
                .setParameter("endpoint", endpoint.value())
                .setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(WebhookDeliveryRepositoryAdapter::toDomain).toList();
        long total = em.createQuery("select count(d) from WebhookDeliveryJpaEntity d where d.endpointId = :endpoint",
                Long.class).setParameter("endpoint", endpoint.value()).getSingleResult();
        return Page.of(items, total, page);
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff, int limit) {
        // The expression matches webhook_deliveries_finished_idx; SKIP LOCKED leaves rows a worker or an endpoint's
        // deletion holds to the next run instead of waiting for them.
        return em.createNativeQuery("delete from webhook_deliveries where id in (select id from webhook_deliveries"
                        + " where status <> 'PENDING' and coalesce(finished_at, created_at) < ?1"
                        + " limit ?2 for update skip locked)")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }

    private static WebhookDelivery toDomain(WebhookDeliveryJpaEntity row) {
        return WebhookDelivery.reconstitute(row.id, new WebhookId(row.endpointId), row.eventId, row.eventType,
                row.attempt, row.payload, row.createdAt, DeliveryStatus.valueOf(row.status),
                Optional.ofNullable(row.responseStatus), Optional.ofNullable(row.durationMs),
                Optional.ofNullable(row.nextAttemptAt), Optional.ofNullable(row.finishedAt));
    }
}
